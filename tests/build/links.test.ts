import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allPages, decode, pageHtml } from '../support/html';

/** Every internal href/src/srcset in the built site points to a file, and every #fragment to an id. */
const pages = allPages();
const idsOf = new Map<string, Set<string>>();
const ids = (path: string) => {
  if (!idsOf.has(path))
    idsOf.set(path, new Set([...pageHtml(path).matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!))));
  return idsOf.get(path)!;
};

function targetFile(pathname: string): string | undefined {
  const file = `dist/client${decodeURIComponent(pathname)}`;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (
    existsSync(`${file}/index.html`) ||
    existsSync(`${file}index.html`) ||
    existsSync(`${file.replace(/\/$/, '')}.html`)
  )
    return file;
  return undefined;
}

describe.each(pages.map((p) => [p.path, p.html] as const))('%s', (path, html) => {
  const urls = [
    ...[...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!)),
    ...[...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) =>
      decode(m[1]!)
        .split(',')
        .map((s) => s.trim().split(/\s+/)[0]!),
    ),
  ];
  const internal = urls.filter((u) => !/^(https?:|mailto:|data:)/.test(u) && u !== '');

  it('has only internal links that resolve to a built file', () => {
    const broken = internal
      .map((u) => new URL(u, `http://site${path}`))
      .filter((u) => !u.pathname.startsWith('/api/'))
      .filter((u) => !targetFile(u.pathname))
      .map((u) => `${path} → ${u.pathname}`);
    expect(broken).toEqual([]);
  });

  it('has only #fragments that exist on their target page', () => {
    const missing = internal
      .map((u) => new URL(u, `http://site${path}`))
      .filter((u) => u.hash && targetFile(u.pathname) && u.pathname.endsWith('/'))
      .filter((u) => {
        return !ids(u.pathname).has(decodeURIComponent(u.hash.slice(1)));
      })
      .map((u) => `${path} → ${u.pathname}${u.hash}`);
    expect(missing).toEqual([]);
  });
});

it('the link checker notices a broken link (self-test)', () => {
  expect(targetFile('/frameworks/django/')).toBeTruthy();
  expect(targetFile('/frameworks/djangoo/')).toBeUndefined();
  expect(ids('/frameworks/django/').has('security-defaults')).toBe(true);
});
