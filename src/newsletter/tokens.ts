/**
 * Secrets in links. Confirmation tokens are random and only their SHA-256 is kept with the subscriber, so a copy
 * of the subscribers table cannot confirm anyone.
 */
import { createHash, randomBytes } from 'node:crypto';

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
