/**
 * Requests the server refuses before routing them, and the answers it gives them. Pure, so the rules are
 * unit-tested; scripts/server.mjs does the I/O.
 *
 * - TRACE, TRACK and CONNECT: the site answers none of them, and they only serve attacks (TRACE/TRACK echo the
 *   request back, CONNECT asks for a tunnel). Node's parser does not know TRACK and hands CONNECT to a separate
 *   event, so those two arrive as a parse error and a `connect` event: see `clientErrorAnswer`.
 * - A Host header that is not a host name or an IP literal with an optional port: Astro builds the request's URL
 *   from it, and `localhost@evil.example` makes a URL with credentials, which it refuses with a 500.
 * - A URL longer than any the site has, or a path segment longer than a file name can be: no file or route can
 *   match, and the file system would only answer ENAMETOOLONG.
 */
import { STATUS_CODES } from 'node:http';

/** The methods some route of the site answers. */
export const ALLOWED_METHODS = 'GET, HEAD, POST';

const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/** A DNS name (letters, digits, "-", "_"; dot-separated, a final dot allowed) or [IPv6], then an optional :port. */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Longer URLs are refused (the site's longest are token links of about 100 characters, and search queries). */
export const MAX_URL_LENGTH = 4096;
/** The longest file name Linux allows, in bytes; a longer path segment names no file. */
export const MAX_SEGMENT_BYTES = 255;

export function isValidHost(host: string): boolean {
  return host.length <= 261 && HOST.test(host);
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A short plain-text answer whose body is the status's reason phrase. */
export function plainAnswer(status: number, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    body: `${STATUS_CODES[status] ?? 'Error'}\n`,
  };
}

const methodNotAllowed = () => plainAnswer(405, { Allow: ALLOWED_METHODS });

/**
 * The answer to a request that must not reach the router, or null to let it through. A request without a Host
 * header gets through: only HTTP/1.0 can arrive without one (Node refuses it in HTTP/1.1), as some load balancers'
 * health checks do, and Astro then takes the host to be localhost.
 */
export function refusal(method: string | undefined, host: string | undefined, url: string | undefined): Answer | null {
  if (!method || REFUSED_METHODS.has(method.toUpperCase())) return methodNotAllowed();
  if (host !== undefined && !isValidHost(host)) return plainAnswer(400);
  const path = (url ?? '/').split('?', 1)[0]!;
  if ((url ?? '').length > MAX_URL_LENGTH || path.split('/').some((s) => Buffer.byteLength(s) > MAX_SEGMENT_BYTES))
    return plainAnswer(414);
  return null;
}

/**
 * The answer to a request Node's HTTP parser rejected (Node's `clientError` event: the request never reached a
 * handler) or to a CONNECT (code 'CONNECT'). Null when the client is gone and nothing should be written.
 */
export function clientErrorAnswer(code: string | undefined): Answer | null {
  switch (code) {
    case 'ECONNRESET':
      return null;
    case 'CONNECT':
    case 'HPE_INVALID_METHOD':
      return methodNotAllowed();
    case 'HPE_HEADER_OVERFLOW':
      return plainAnswer(431);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return plainAnswer(408);
    default:
      return plainAnswer(400);
  }
}

/** An answer as raw HTTP/1.1 bytes for a socket no response object owns; the connection is closed after it. */
export function rawResponse({ status, headers, body }: Answer, extraHeaders: Record<string, string> = {}): string {
  const all = { ...extraHeaders, ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${lines.join('')}\r\n${body}`;
}
