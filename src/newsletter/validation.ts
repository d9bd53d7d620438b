/**
 * Signup input rules, as pure functions. Every message is written for the reader, because the form shows it
 * next to the field. Imports use explicit `.ts` extensions in src/newsletter/ so the CLI can run these
 * modules with plain `node` (type stripping), without a build step.
 */
import { domainToASCII } from 'node:url';

/** RFC 5321: a forward-path holds at most 254 characters of address, 64 of them in the local part. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

export type SignupField = 'email' | 'source';

export interface FieldError {
  /** The field to mark invalid; absent when the problem is with the request as a whole. */
  field?: SignupField;
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export interface Email {
  /** As the reader typed it (trimmed): mail goes to this. */
  address: string;
  /** Lower-case with an ASCII domain: one subscriber per key. */
  key: string;
}

/** The raw fields of a signup, before any rule but "is it text". */
export interface SignupFields {
  email: string | undefined;
  source: string;
  /** The honeypot: people never see it, so anything in it came from a bot. */
  website: string;
}

const fail = (code: string, message: string, field?: SignupField): { ok: false; error: FieldError } => ({
  ok: false,
  error: field ? { field, code, message } : { code, message },
});

// The HTML Standard's "valid e-mail address" for the local part; dots may not lead, trail or repeat.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Checks and normalises one email address. */
export function parseEmail(raw: string | undefined): Result<Email> {
  if (raw === undefined) return fail('missing', 'Enter your email address.', 'email');
  // Line breaks are the header-injection vector (a "Bcc:" smuggled into the To header): refuse, never strip.
  if (/[\r\n]/.test(raw)) return fail('line-break', 'An email address cannot contain line breaks.', 'email');
  const address = raw.replace(/^[ \t]+|[ \t]+$/g, '');
  if (address === '') return fail('empty', 'Enter your email address.', 'email');
  if (address.length > MAX_EMAIL_LENGTH) {
    return fail('too-long', `That email address is too long: ${MAX_EMAIL_LENGTH} characters at most.`, 'email');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(address)) {
    return fail('control', 'An email address cannot contain control characters.', 'email');
  }
  if (/[<>]/.test(address)) return fail('markup', 'An email address cannot contain < or >.', 'email');
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domainRaw = address.slice(at + 1);
  const example = 'Enter an email address like name@example.com.';
  if (at < 1 || local.includes('@') || domainRaw === '') return fail('format', example, 'email');
  if (local.length > MAX_LOCAL_LENGTH) {
    return fail(
      'local-too-long',
      `The part before the @ is too long: ${MAX_LOCAL_LENGTH} characters at most.`,
      'email',
    );
  }
  if (!LOCAL.test(local)) return fail('format', example, 'email');
  // Accept international domains typed in Unicode; store and send their ASCII (punycode) form.
  const domain = domainToASCII(domainRaw.toLowerCase());
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  if (
    !domain ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)
  ) {
    return fail('format', example, 'email');
  }
  if (local.length + 1 + domain.length > MAX_EMAIL_LENGTH) {
    return fail('too-long', `That email address is too long: ${MAX_EMAIL_LENGTH} characters at most.`, 'email');
  }
  return { ok: true, value: { address: `${local}@${domain}`, key: `${local.toLowerCase()}@${domain}` } };
}

/** Which form sent the signup (the component's id prefix): short, lower-case, nothing a page could render. */
export function parseSource(raw: string): Result<string> {
  if (raw === '' || /^[a-z0-9](?:[a-z0-9-]{0,39})$/.test(raw)) return { ok: true, value: raw };
  return fail('source', 'The form sent a value it should not have. Reload the page and try again.');
}

const FIELDS = ['email', 'source', 'website'] as const;

/**
 * Reads the known fields from a parsed body (form or JSON): each must be absent or a single piece of text.
 * Unknown fields are ignored, so a form can grow without breaking older servers.
 */
export function readSignupFields(body: Record<string, unknown>): Result<SignupFields> {
  const out: Record<string, string | undefined> = {};
  for (const name of FIELDS) {
    const value = body[name];
    if (Array.isArray(value)) {
      return fail(
        'repeated',
        `Send one ${name === 'email' ? 'email address' : name} at a time.`,
        name === 'email' ? 'email' : undefined,
      );
    }
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return fail('not-text', `The ${name} field must be text.`, name === 'email' ? 'email' : undefined);
    }
    out[name] = value ?? undefined;
  }
  return { ok: true, value: { email: out['email'], source: out['source'] ?? '', website: out['website'] ?? '' } };
}
