import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../src/newsletter/rate-limit';
import type { NewsletterService } from '../../src/newsletter/service';
import { handleSignup, type SignupDeps } from '../../src/newsletter/signup';

const NOW = Date.UTC(2026, 10, 24, 12);

function setup(overrides: Partial<SignupDeps> = {}) {
  const calls: string[] = [];
  const service = {
    async subscribe(email: { address: string }) {
      calls.push(email.address);
    },
  } as unknown as NewsletterService;
  const deps: SignupDeps = { service, limiter: null, now: () => NOW, linkBase: 'https://guide.example', ...overrides };
  return {
    calls,
    run: (init: RequestInit) => handleSignup(new Request('http://localhost/api/newsletter', init), '203.0.113.7', deps),
  };
}
const form = (body: string): RequestInit => ({
  method: 'POST',
  body,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('handleSignup', () => {
  it('subscribes a valid form or JSON signup, answering in kind', async () => {
    const { calls, run } = setup();
    expect(await run(form('email=a%40example.com&source=home'))).toEqual({ kind: 'accepted', reply: 'html' });
    expect(await run(json({ email: 'b@example.com' }))).toEqual({ kind: 'accepted', reply: 'json' });
    expect(calls).toEqual(['a@example.com', 'b@example.com']);
  });

  it('answers other methods with 405', async () => {
    const { run } = setup();
    expect(await run({ method: 'GET' })).toMatchObject({ kind: 'error', status: 405, reply: 'text' });
  });

  it('counts every request against the rate limit, even malformed ones, and keeps what was typed', async () => {
    const { calls, run } = setup({ limiter: new MemoryRateLimiter({ limit: 2, windowMs: 60_000 }) });
    expect(await run({ method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).toMatchObject({
      status: 415,
    });
    await run(form('email=a%40example.com'));
    expect(await run(form('email=typed%40example.com'))).toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
      email: 'typed@example.com',
    });
    expect(calls).toEqual(['a@example.com']);
  });

  it('silently drops a filled honeypot', async () => {
    const { calls, run } = setup();
    expect(await run(form('email=a%40example.com&website=http%3A%2F%2Fspam.example'))).toEqual({
      kind: 'accepted',
      reply: 'html',
    });
    expect(await run(json({ email: 'b@example.com', website: 'x' }))).toEqual({ kind: 'accepted', reply: 'json' });
    expect(calls).toEqual([]);
  });

  it("subscribes however soon the form is sent, and ignores fields it does not know (such as an old form's stamp)", async () => {
    const { calls, run } = setup();
    await run(json({ email: 'a@example.com', t: `${NOW}.${'x'.repeat(43)}` }));
    await run(form('email=b%40example.com&t='));
    expect(calls).toEqual(['a@example.com', 'b@example.com']);
  });

  it('marks the field and keeps the typed address when it is invalid', async () => {
    const { run } = setup();
    expect(await run(form('email=a%40localhost'))).toMatchObject({
      status: 400,
      field: 'email',
      email: 'a@localhost',
      code: 'format',
    });
  });
});
