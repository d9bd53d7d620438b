/** Turning a signup outcome into an HTTP answer for scripts (JSON) and for everything else (plain text). */
import type { SignupOutcome } from './signup.ts';

export const ACCEPTED_MESSAGE = 'Thanks! Check your inbox for a link to confirm your subscription.';

/** Headers every answer carries: never cached, and Retry-After whenever waiting helps. */
export function replyHeaders(outcome: SignupOutcome, contentType?: string): Headers {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (contentType) headers.set('Content-Type', contentType);
  if (outcome.kind === 'error') {
    if (outcome.status === 405) headers.set('Allow', 'POST');
    // The rest of a very large body is never read: close the connection rather than leave the client uploading.
    if (outcome.closeConnection) headers.set('Connection', 'close');
    if (outcome.retryAfterSeconds !== undefined) headers.set('Retry-After', String(outcome.retryAfterSeconds));
  }
  return headers;
}

export function jsonReply(outcome: SignupOutcome): Response {
  const headers = replyHeaders(outcome, 'application/json; charset=utf-8');
  if (outcome.kind === 'accepted')
    return new Response(JSON.stringify({ ok: true, message: ACCEPTED_MESSAGE }), { status: 200, headers });
  const error = { code: outcome.code, message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) };
  return new Response(JSON.stringify({ ok: false, error }), { status: outcome.status, headers });
}

export function textReply(outcome: SignupOutcome): Response {
  const headers = replyHeaders(outcome, 'text/plain; charset=utf-8');
  return outcome.kind === 'accepted'
    ? new Response(`${ACCEPTED_MESSAGE}\n`, { status: 200, headers })
    : new Response(`${outcome.message}\n`, { status: outcome.status, headers });
}
