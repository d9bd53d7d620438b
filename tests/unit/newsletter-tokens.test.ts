import { describe, expect, it } from 'vitest';
import { hashToken, isWellFormedToken, newToken } from '../../src/newsletter/tokens';

describe('tokens', () => {
  it('are 43 base64url characters and never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(isWellFormedToken(t)).toBe(true);
  });

  it.each([
    null,
    undefined,
    '',
    'short',
    `${newToken()}x`,
    `${newToken().slice(0, 42)}=`,
    `${newToken().slice(0, 42)}/`,
  ])('refuses the shape of %j', (t) => {
    expect(isWellFormedToken(t)).toBe(false);
  });

  it('are stored as their SHA-256, which does not reveal them', () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(newToken())).not.toBe(hashToken(token));
  });
});
