import { describe, expect, it } from 'vitest';
import {
  ALLOWED_METHODS,
  clientErrorAnswer,
  isValidHost,
  MAX_URL_LENGTH,
  rawResponse,
  refusal,
} from '../../src/server/request-guards';

describe('isValidHost', () => {
  it.each([
    'localhost',
    'localhost:4321',
    '127.0.0.1:80',
    'guide.example.com',
    'guide.example.com.',
    '[::1]:4321',
    '[2001:db8::1]',
    'my_service:8080',
    'A-B.example',
  ])('accepts %s', (host) => expect(isValidHost(host)).toBe(true));

  it.each([
    '',
    'localhost@evil.example',
    'user:pass@evil.example',
    'a b',
    'evil.example/path',
    'evil.example?x',
    'evil.example#x',
    'localhost:',
    'localhost:123456',
    'localhost:80:80',
    '[::1',
    '..',
    'evil\\example',
    'a'.repeat(300),
  ])('refuses %j', (host) => expect(isValidHost(host)).toBe(false));
});

describe('refusal', () => {
  it.each(['TRACE', 'TRACK', 'CONNECT', 'trace', undefined])(
    'answers %s with 405 and the methods the site allows',
    (method) => {
      const answer = refusal(method, 'localhost', '/');
      expect(answer?.status).toBe(405);
      expect(answer?.headers['Allow']).toBe(ALLOWED_METHODS);
    },
  );

  it('answers an invalid Host with 400', () => {
    expect(refusal('GET', 'localhost@evil.example', '/')?.status).toBe(400);
    expect(refusal('GET', '', '/')?.status).toBe(400);
  });

  it('lets through a request without Host (HTTP/1.0 health checks; Node refuses it in HTTP/1.1)', () =>
    expect(refusal('GET', undefined, '/')).toBeNull());

  it('answers a URL longer than the limit, or a path segment longer than a file name, with 414', () => {
    expect(refusal('GET', 'localhost', `/${'a'.repeat(MAX_URL_LENGTH)}`)?.status).toBe(414);
    expect(refusal('GET', 'localhost', `/${'a'.repeat(256)}.html`)?.status).toBe(414);
    expect(refusal('GET', 'localhost', `/${'é'.repeat(128)}/`)?.status).toBe(414);
  });

  it('lets through what the site serves, and long query strings within the limit', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS', 'PROPFIND'])
      expect(refusal(method, 'localhost:4321', '/frameworks/express/')).toBeNull();
    expect(refusal('GET', 'localhost', `/${'a'.repeat(255)}`)).toBeNull();
    expect(refusal('GET', 'localhost', `/search/?q=${'a'.repeat(1000)}`)).toBeNull();
  });
});

describe('clientErrorAnswer', () => {
  it.each([
    ['HPE_INVALID_METHOD', 405],
    ['CONNECT', 405],
    ['HPE_HEADER_OVERFLOW', 431],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408],
    ['HPE_INVALID_HEADER_TOKEN', 400],
    [undefined, 400],
  ] as const)('%s → %i', (code, status) => expect(clientErrorAnswer(code)?.status).toBe(status));

  it('writes nothing to a client that reset the connection', () => expect(clientErrorAnswer('ECONNRESET')).toBeNull());
});

describe('rawResponse', () => {
  it('is a complete HTTP/1.1 answer that closes the connection, with the extra headers', () => {
    const raw = rawResponse(clientErrorAnswer('CONNECT')!, { 'X-Content-Type-Options': 'nosniff' });
    const [head, body] = raw.split('\r\n\r\n');
    const lines = head!.split('\r\n');
    expect(lines[0]).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(lines).toContain('X-Content-Type-Options: nosniff');
    expect(lines).toContain(`Allow: ${ALLOWED_METHODS}`);
    expect(lines).toContain('Connection: close');
    expect(lines).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
    expect(body).toBe('Method Not Allowed\n');
  });
});
