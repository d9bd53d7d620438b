/**
 * Reading a signup request body: which formats are accepted, a hard size cap that holds even without a
 * Content-Length header, and parsing into a plain record of fields.
 */
import type { FieldError } from './validation.ts';

/** A signup is a few hundred bytes; anything much larger is not a signup. */
export const MAX_BODY_BYTES = 4096;

export type BodyKind = 'form' | 'json';

/** The body format from a Content-Type header, or null when it is not one we accept (415). */
export function bodyKind(contentType: string | null): BodyKind | null {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json') return 'json';
  return null;
}

/**
 * How much of an oversized body is read and dropped so that the 413 reaches the client over a clean connection:
 * closing a socket with unread data makes TCP reset it, and the client may never see the answer. A body larger
 * than this is abandoned and the connection closed (`drained: false`).
 */
export const DRAIN_MAX_BYTES = 1024 * 1024;

export type BodyRead =
  { ok: true; text: string } | { ok: false; status: 400 } | { ok: false; status: 413; drained: boolean };

/** Reads at most `limit` bytes of UTF-8 text; a larger body is 413, drained up to `drainMax` bytes in all. */
export async function readLimitedText(
  request: Request,
  limit = MAX_BODY_BYTES,
  drainMax = DRAIN_MAX_BYTES,
): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > drainMax) return { ok: false, status: 413, drained: false };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > drainMax) {
      // Not awaited: the answer need not wait for the stream to settle.
      reader.cancel().catch(() => {});
      return { ok: false, status: 413, drained: false };
    }
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) return { ok: false, status: 413, drained: true };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, status: 400 };
  }
}

export type ParsedBody = { ok: true; fields: Record<string, unknown> } | { ok: false; error: FieldError };

/** Form bodies become a record of strings (a repeated name becomes an array); JSON must be an object. */
export function parseBody(kind: BodyKind, text: string): ParsedBody {
  if (kind === 'form') {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of new URLSearchParams(text)) {
      const seen = fields[name];
      fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    return { ok: true, fields };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'json', message: 'The request body is not valid JSON.' } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      error: { code: 'json-shape', message: 'Send a JSON object such as {"email": "name@example.com"}.' },
    };
  }
  return { ok: true, fields: parsed as Record<string, unknown> };
}
