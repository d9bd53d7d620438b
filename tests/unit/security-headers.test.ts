import { describe, expect, it } from 'vitest';
import { isSecure, mergeCsp, securityHeaders } from '../../src/server/security-headers';

const SERVER = securityHeaders({ secure: false, path: '/' })['Content-Security-Policy']!;

describe('securityHeaders', () => {
  it('forbids framing, caches hashed assets for a year and revalidates the rest', () => {
    expect(SERVER).toContain("frame-ancestors 'none'");
    expect(securityHeaders({ secure: false, path: '/_astro/a.1b2c.css' })['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(securityHeaders({ secure: false, path: '/frameworks/express/' })['Cache-Control']).toBe('no-cache');
  });

  it('never caches an error for a year, even under /_astro/', () => {
    expect(securityHeaders({ secure: false, path: '/_astro/a.1b2c.css', status: 304 })['Cache-Control']).toContain(
      'immutable',
    );
    for (const status of [404, 500]) {
      expect(securityHeaders({ secure: false, path: '/_astro/gone.css', status })['Cache-Control']).toBe('no-cache');
    }
  });

  it('sends HSTS only over HTTPS', () => {
    expect(securityHeaders({ secure: false, path: '/' })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ secure: true, path: '/' })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });
});

describe('isSecure', () => {
  it.each([
    [true, undefined, false, true],
    [false, 'https', false, false],
    [false, 'https', true, true],
    [false, 'HTTPS, http', true, true],
    [false, 'http, https', true, false],
    [false, undefined, true, false],
  ] as const)('encrypted %s, X-Forwarded-Proto %j, trusted %s → %s', (encrypted, proto, trust, expected) =>
    expect(isSecure(encrypted, proto, trust)).toBe(expected),
  );
});

describe('mergeCsp', () => {
  const page = "script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='";

  it('keeps every directive of the page and adds the server ones, in one policy', () => {
    const merged = mergeCsp(page, SERVER);
    expect(merged).toBe(`${page}; ${SERVER}`);
    expect(merged.split(';').map((d) => d.trim().split(' ')[0])).toEqual([
      'script-src',
      'style-src',
      'frame-ancestors',
      'base-uri',
      'form-action',
      'object-src',
    ]);
  });

  it('is the server policy alone when the response has none', () => {
    expect(mergeCsp(undefined, SERVER)).toBe(SERVER);
    expect(mergeCsp('', SERVER)).toBe(SERVER);
  });

  it('lets the server decide a directive both name, whatever its case, and never repeats one', () => {
    const merged = mergeCsp(
      "Frame-Ancestors *; script-src 'self'; object-src https://x.example",
      "frame-ancestors 'none'; object-src 'none'",
    );
    expect(merged).toBe("script-src 'self'; frame-ancestors 'none'; object-src 'none'");
  });

  it('ignores empty parts and a directive the page repeats, as browsers do (the first one counts)', () => {
    expect(mergeCsp(" ; script-src 'self';; script-src *; ", "frame-ancestors 'none';")).toBe(
      "script-src 'self'; frame-ancestors 'none'",
    );
  });

  it('is idempotent: merging again changes nothing', () => {
    const once = mergeCsp(page, SERVER);
    expect(mergeCsp(once, SERVER)).toBe(once);
  });
});
