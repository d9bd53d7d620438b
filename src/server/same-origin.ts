/**
 * Cross-site form protection, as a pure rule (the middleware applies it). It is Astro's `checkOrigin` rule
 * with two changes: the public `site` origin also counts as same-origin (behind a TLS proxy the server sees
 * http:// while browsers send https://), and named paths may opt out.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The content types a cross-site HTML form can send without a CORS preflight.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface OriginCheck {
  method: string;
  contentType: string | null;
  /** The Origin header, if any. */
  origin: string | null;
  /** Origins that count as this site: the request's own and the configured `site`. */
  allowed: string[];
}

export function isForbiddenCrossSite({ method, contentType, origin, allowed }: OriginCheck): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const sameOrigin = origin !== null && allowed.includes(origin);
  if (contentType === null) return !sameOrigin;
  const type = contentType.toLowerCase();
  return FORM_TYPES.some((t) => type.includes(t)) && !sameOrigin;
}
