import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseBody, readLimitedText } from '../../src/newsletter/body';
import { MemoryRateLimiter } from '../../src/newsletter/rate-limit';
import type { NewsletterService } from '../../src/newsletter/service';
import { handleSignup, type SignupDeps } from '../../src/newsletter/signup';

// The body's reader and parser, watched: how often a request's body is read and parsed.
vi.mock('../../src/newsletter/body', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/newsletter/body')>();
  return { ...real, readLimitedText: vi.fn(real.readLimitedText), parseBody: vi.fn(real.parseBody) };
});
beforeEach(() => vi.clearAllMocks());

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

  it('counts every request against the rate limit, even malformed ones', async () => {
    const { calls, run } = setup({ limiter: new MemoryRateLimiter({ limit: 2, windowMs: 60_000 }) });
    expect(await run({ method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).toMatchObject({
      status: 415,
    });
    await run(form('email=a%40example.com'));
    const limited = await run(form('email=typed%40example.com'));
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 30, reply: 'html' });
    expect(limited).not.toHaveProperty('email'); // the body was not read, so nothing typed comes back
    expect(calls).toEqual(['a@example.com']);
  });

  it('answers a limited client without reading its body: not a byte of it is pulled, however large', async () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 60_000 });
    const { run } = setup({ limiter });
    await run(json({ email: 'a@example.com' }));
    vi.clearAllMocks();
    let pulls = 0;
    // '{{{{…': never valid, never ending; with no queue (highWaterMark 0) it is pulled only when read.
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(1024).fill(123));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://localhost/api/newsletter', {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const outcome = await handleSignup(request, '203.0.113.7', {
      service: {} as NewsletterService,
      limiter,
      now: () => NOW,
      linkBase: 'https://guide.example',
    });
    expect(outcome).toMatchObject({ kind: 'error', status: 429, code: 'rate-limit' });
    expect(request.bodyUsed).toBe(false);
    expect(pulls).toBe(0);
    expect(readLimitedText).not.toHaveBeenCalled();
    expect(parseBody).not.toHaveBeenCalled();
  });

  it.each([
    ['an accepted form', form('email=a%40example.com&source=home'), 'accepted'],
    ['accepted JSON', json({ email: 'a@example.com' }), 'accepted'],
    ['a bad address', form('email=a%40localhost'), 'error'],
    ['malformed JSON', { ...json({}), body: '{"email":' }, 'error'],
  ] as const)('reads and parses the body exactly once: %s', async (_name, init, kind) => {
    const { run } = setup();
    expect(await run(init)).toMatchObject({ kind });
    expect(readLimitedText).toHaveBeenCalledTimes(1);
    expect(parseBody).toHaveBeenCalledTimes(1);
  });

  it('reads no body for a wrong method or content type', async () => {
    const { run } = setup();
    expect(await run({ method: 'PUT', body: 'x', headers: { 'content-type': 'application/json' } })).toMatchObject({
      status: 405,
    });
    expect(await run({ method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).toMatchObject({
      status: 415,
    });
    expect(readLimitedText).not.toHaveBeenCalled();
    expect(parseBody).not.toHaveBeenCalled();
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
