import { describe, expect, it } from 'vitest';
import { keepTokenPrivate, setStatus } from '../../src/lib/http-status';
import { contentTypeFor, pickEncoding, siteFileFor } from '../../src/lib/static-files';

describe('siteFileFor', () => {
  it.each([
    ['/', 'index.html'],
    ['/frameworks/express/', 'frameworks/express/index.html'],
    ['/_astro/BaseLayout.abc.css', '_astro/BaseLayout.abc.css'],
    ['/rss.xml', 'rss.xml'],
    ['/caf%C3%A9/', 'café/index.html'],
  ])('%s → %s', (url, file) => expect(siteFileFor(url)).toBe(file));

  it.each(['/frameworks/express', '/og/x.png', '/../etc/passwd', '/a/../b/', '/%2e%2e/secret.txt', '/a//b/', '/%E0%A4%A/', 'relative.css', '/x%00.html'])(
    'names no file for %s',
    (url) => expect(siteFileFor(url)).toBeNull(),
  );
});

describe('pickEncoding', () => {
  const both = ['br', 'gzip'] as const;
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['identity', null],
    ['', null],
    [undefined, null],
    ['GZIP', 'gzip'],
  ] as const)('Accept-Encoding %j → %s', (header, expected) => expect(pickEncoding(header, both)).toBe(expected));

  it('only picks an encoding that was written', () => {
    expect(pickEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(pickEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('types the text files it compresses and nothing else', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('site.webmanifest')).toBe('application/manifest+json');
    expect(contentTypeFor('og/a.png')).toBeUndefined();
  });
});

describe('setStatus', () => {
  it('sets the code with its reason phrase', () => {
    const response = { status: 200, statusText: 'OK' };
    setStatus(response, 410);
    expect(response).toEqual({ status: 410, statusText: 'Gone' });
  });
});

describe('keepTokenPrivate', () => {
  it('keeps a token page out of caches and out of other sites\' Referer', () => {
    const response = { headers: new Headers() };
    keepTokenPrivate(response);
    expect(Object.fromEntries(response.headers)).toEqual({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
  });
});
