import { describe, expect, it } from 'vitest';
import { bodyKind, parseBody, readLimitedText } from '../../src/newsletter/body';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/newsletter', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

function streamOf(bytes: number, chunk = 1000): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(chunk, left);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(97));
    },
  });
}

describe('bodyKind', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'form'],
    ['application/x-www-form-urlencoded; charset=UTF-8', 'form'],
    ['Application/JSON', 'json'],
    ['application/json;charset=utf-8', 'json'],
    ['text/plain', null],
    ['multipart/form-data; boundary=x', null],
    ['application/jsonp', null],
    [null, null],
  ])('%s → %s', (type, kind) => expect(bodyKind(type)).toBe(kind));
});

describe('readLimitedText', () => {
  it('reads a small body', async () => {
    expect(await readLimitedText(post('email=a%40example.com'))).toEqual({ ok: true, text: 'email=a%40example.com' });
  });

  it('refuses a body declared larger than it would drain, without reading it', async () => {
    const body = streamOf(10);
    expect(await readLimitedText(post(body, { 'content-length': '5000' }), 4096, 4999)).toEqual({
      ok: false,
      status: 413,
      drained: false,
    });
    expect(body.locked).toBe(false);
  });

  it('drains a body a little over the limit, so the 413 goes out on a clean connection', async () => {
    expect(await readLimitedText(post(streamOf(64 * 1024)), 4096)).toEqual({ ok: false, status: 413, drained: true });
    expect(await readLimitedText(post(streamOf(4097)), 4096)).toEqual({ ok: false, status: 413, drained: true });
    expect(await readLimitedText(post(streamOf(4096)), 4096)).toMatchObject({ ok: true });
  });

  it('stops reading a huge body once it passes the drain limit', async () => {
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1000;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    expect(await readLimitedText(post(huge), 4096, 20_000)).toEqual({ ok: false, status: 413, drained: false });
    expect(pulled).toBeLessThan(30_000);
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await readLimitedText(post(new Uint8Array([0x65, 0xff, 0xfe])))).toEqual({ ok: false, status: 400 });
  });
});

describe('parseBody', () => {
  it('reads forms, keeping repeated names as lists', () => {
    expect(parseBody('form', 'email=a%40example.com&x=1&x=2')).toEqual({
      ok: true,
      fields: { email: 'a@example.com', x: ['1', '2'] },
    });
  });

  it('reads JSON objects and refuses everything else', () => {
    expect(parseBody('json', '{"email":"a@example.com"}')).toEqual({ ok: true, fields: { email: 'a@example.com' } });
    for (const text of ['', '{', '[]', '"a@example.com"', 'null', '42']) {
      expect(parseBody('json', text).ok, text).toBe(false);
    }
  });
});
