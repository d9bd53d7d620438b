/**
 * Secrets in links and forms. Confirmation tokens are random and only their SHA-256 is stored, so a copy of
 * the database cannot confirm anyone. The form's timestamp is signed (HMAC) so a bot cannot backdate it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as base64url: 43 characters, 256 bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cheap shape check before any lookup: a link cut short or padded with junk is refused as it is. */
export function isWellFormedToken(token: string | null | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** What the store keeps instead of the token. A plain hash is enough: the token has 256 bits of entropy. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const mac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('base64url');

/** "<issued-at ms>.<signature>": put in the form when it is handed out. */
export function signStamp(secret: string, issuedAt: number): string {
  return `${issuedAt}.${mac(secret, `stamp:${issuedAt}`)}`;
}

/** The time a stamp was issued, or null when it is malformed or was not signed with this secret. */
export function verifyStamp(secret: string, stamp: string): number | null {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!match) return null;
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(mac(secret, `stamp:${issuedAt}`));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? issuedAt : null;
}
