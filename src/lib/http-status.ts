import { STATUS_CODES } from 'node:http';

/** Sets a page's status with its reason phrase: Astro keeps the default "OK" otherwise ("400 OK"). */
export function setStatus(response: { status?: number; statusText?: string }, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}
