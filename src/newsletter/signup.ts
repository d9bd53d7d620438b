/**
 * One signup request, from raw HTTP to an outcome, in the order the checks must run: method, rate limit,
 * content type, size, parse, bot traps, validation, then the service. The body is read once and parsed once, and
 * only after the rate limit let the request through: a limited client's body is never read. Kept free of Astro so
 * it can be read (and tested) on its own; the route only turns the outcome into an answer.
 */
import { bodyKind, MAX_BODY_BYTES, parseBody, readLimitedText } from './body.ts';
import type { RateLimiter } from './rate-limit.ts';
import { clientKey } from './rate-limit.ts';
import type { NewsletterService } from './service.ts';
import { parseEmail, parseSource, readSignupFields, type SignupField } from './validation.ts';

/** How to answer: JSON for scripts, an HTML page for a browser's plain form post, plain text otherwise. */
export type Reply = 'json' | 'html' | 'text';

export type SignupOutcome =
  | { kind: 'accepted'; reply: Reply }
  | {
      kind: 'error';
      reply: Reply;
      status: 400 | 405 | 413 | 415 | 429;
      code: string;
      message: string;
      field?: SignupField;
      /** What the reader typed, to put back in the form (absent when the body was not read, as on a 429). */
      email?: string;
      retryAfterSeconds?: number;
      /** The request body was left unread: the connection cannot be reused. */
      closeConnection?: boolean;
    };

export interface SignupDeps {
  service: NewsletterService;
  limiter: RateLimiter | null;
  now: () => number;
  /** Where confirmation links point (see links.ts). */
  linkBase: string;
}

export function replyFor(request: Request): Reply {
  const kind = bodyKind(request.headers.get('content-type'));
  if (kind === 'json' || /application\/json/i.test(request.headers.get('accept') ?? '')) return 'json';
  return kind === 'form' ? 'html' : 'text';
}

export async function handleSignup(
  request: Request,
  clientAddress: string | undefined,
  deps: SignupDeps,
): Promise<SignupOutcome> {
  const reply = replyFor(request);
  const error = (
    status: Extract<SignupOutcome, { kind: 'error' }>['status'],
    code: string,
    message: string,
    extra: Partial<Extract<SignupOutcome, { kind: 'error' }>> = {},
  ): SignupOutcome => ({
    kind: 'error',
    reply,
    status,
    code,
    message,
    ...extra,
  });

  if (request.method !== 'POST')
    return error(405, 'method', 'Sign up with a POST request (the form on the newsletter page).');

  // Counted before anything else, so a flood of malformed requests is limited too; and before the body is read,
  // so a limited client costs no reading or parsing, however large or malformed its body.
  const decision = (await deps.limiter?.take(clientKey(clientAddress), deps.now())) ?? { ok: true };
  if (!decision.ok) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return error(
      429,
      'rate-limit',
      `Too many signups from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }

  const kind = bodyKind(request.headers.get('content-type'));
  if (!kind)
    return error(
      415,
      'content-type',
      'Send the signup as application/x-www-form-urlencoded (a form) or application/json.',
    );

  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.status === 413
      ? error(413, 'too-large', `The request is too large: a signup is at most ${MAX_BODY_BYTES} bytes.`, {
          closeConnection: !body.drained,
        })
      : error(400, 'encoding', 'The request body is not valid UTF-8 text.');
  }
  const parsed = parseBody(kind, body.text);
  if (!parsed.ok) return error(400, parsed.error.code, parsed.error.message);
  const fields = readSignupFields(parsed.fields);
  if (!fields.ok)
    return error(400, fields.error.code, fields.error.message, fields.error.field ? { field: fields.error.field } : {});
  const typed = keep(fields.value.email);

  // The honeypot answers exactly like a success and stores nothing: a bot learns nothing to adapt to. There is
  // no "posted too fast" trap: a person whose browser fills in the address can be as quick as a bot, and double
  // opt-in already keeps bots from subscribing anyone.
  if (fields.value.website !== '') return { kind: 'accepted', reply };

  const source = parseSource(fields.value.source);
  if (!source.ok) return error(400, source.error.code, source.error.message, typed);
  const email = parseEmail(fields.value.email);
  if (!email.ok) return error(400, email.error.code, email.error.message, { field: 'email', ...typed });

  await deps.service.subscribe(email.value, source.value, deps.linkBase);
  return { kind: 'accepted', reply };
}

/** The address as typed, trimmed to what fits the field, for the form shown again with an error. */
const keep = (email: string | undefined): { email?: string } =>
  email === undefined ? {} : { email: email.slice(0, 320) };
