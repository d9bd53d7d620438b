/**
 * HTTP security headers for every response of the Node server. `frame-ancestors` only works as a header
 * (not in the page's CSP meta tag), so it lives here; script and style sources stay in Astro's per-page CSP
 * (a meta tag on prerendered pages, a header on on-demand ones, which `mergeCsp` combines with these).
 */
export interface RequestFacts {
  /** True when the client reached us over HTTPS (directly, or through a trusted proxy). */
  secure: boolean;
  path: string;
  /** The answer's status, when known: an error is never cached for a year, even under /_astro/. */
  status?: number;
}

export function securityHeaders({ secure, path, status }: RequestFacts): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // HSTS over plain HTTP is ignored by browsers and would break local use, so only send it on HTTPS.
  if (secure) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  // Hashed build assets never change under the same name; everything else is revalidated, and so is an error
  // (a 404 for an asset of a newer build must not stick in caches).
  const immutable = /^\/_astro\//.test(path) && (status === undefined || status < 400);
  // ("no-cache": stored, but revalidated before each use; the shortest way to say it, as headers count in a page's
  // first round trip.)
  headers['Cache-Control'] = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
  return headers;
}

/** Whether a request came over HTTPS: TLS on our socket, or X-Forwarded-Proto from a proxy we were told to trust. */
export function isSecure(encrypted: boolean, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (encrypted) return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** A policy's directives by name (lower case), in order; a repeated name is ignored, as browsers ignore it. */
function directives(policy: string): Map<string, string> {
  const byName = new Map<string, string>();
  for (const part of policy.split(';')) {
    const directive = part.trim();
    const name = directive.split(/\s/, 1)[0]!.toLowerCase();
    if (name && !byName.has(name)) byName.set(name, directive);
  }
  return byName;
}

/**
 * One Content-Security-Policy from the page's own (Astro's per-page hashes on on-demand pages) and the server's
 * directives, so neither is lost when both want the header. A directive both name is the server's: those are the
 * site-wide rules (framing, plugins, base and form targets) that no page may loosen.
 */
export function mergeCsp(pagePolicy: string | undefined, serverDirectives: string): string {
  const server = directives(serverDirectives);
  const page = [...directives(pagePolicy ?? '')].filter(([name]) => !server.has(name)).map(([, d]) => d);
  return [...page, ...server.values()].join('; ');
}
