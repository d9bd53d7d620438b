import { STATUS_CODES } from 'node:http';

/** Sets a page's status with its reason phrase: Astro keeps the default "OK" otherwise ("400 OK"). */
export function setStatus(response: { status?: number; statusText?: string }, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}

/**
 * For a page whose URL carries a secret token: kept out of caches and out of Referer headers to other sites.
 * Not "no-referrer": with it, browsers send "Origin: null" on the page's own form, which the origin check refuses.
 */
export function keepTokenPrivate(response: { headers: Headers }): void {
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Referrer-Policy', 'same-origin');
}
