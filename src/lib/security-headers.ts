/**
 * HTTP security headers for every response of the Node server. `frame-ancestors` only works as a header
 * (not in the page's CSP meta tag), so it lives here; script and style sources stay in Astro's per-page CSP.
 */
export interface RequestFacts {
  /** True when the client reached us over HTTPS (directly, or through a trusted proxy). */
  secure: boolean;
  path: string;
}

export function securityHeaders({ secure, path }: RequestFacts): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // HSTS over plain HTTP is ignored by browsers and would break local use, so only send it on HTTPS.
  if (secure) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  // Hashed build assets never change under the same name; everything else is revalidated.
  headers['Cache-Control'] = /^\/_astro\//.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
  return headers;
}

/** Whether a request came over HTTPS: TLS on our socket, or X-Forwarded-Proto from a proxy we were told to trust. */
export function isSecure(encrypted: boolean, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (encrypted) return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
