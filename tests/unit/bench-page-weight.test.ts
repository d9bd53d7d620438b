import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compressedSizes,
  cssReferences,
  pageUrl,
  pageWeights,
  referencedAssets,
  scriptClosure,
  sitePath,
} from '../../scripts/lib/page-weight.mjs';

describe('sitePath', () => {
  it.each([
    ['/_astro/a.css', '/', '/_astro/a.css'],
    ['b.js', '/_astro/a.js', '/_astro/b.js'],
    ['./chunk.js?v=1#x', '/_astro/a.js', '/_astro/chunk.js'],
    ['../fonts/x.woff2', '/_astro/css/a.css', '/_astro/fonts/x.woff2'],
    ['data:image/png;base64,AAAA', '/', undefined],
    ['https://cdn.example.org/x.css', '/', undefined],
    ['//cdn.example.org/x.css', '/', undefined],
    ['#top', '/', undefined],
  ])('%s from %s → %s', (url, base, expected) => {
    expect(sitePath(url, base)).toBe(expected);
  });
});

describe('pageUrl', () => {
  it.each([
    ['index.html', '/'],
    ['frameworks/django/index.html', '/frameworks/django/'],
    ['404.html', '/404.html'],
  ])('%s → %s', (file, url) => expect(pageUrl(file)).toBe(url));
});

describe('referencedAssets', () => {
  it('separates render-blocking stylesheets and scripts from the rest, whatever the attribute order', () => {
    const html = `<html><head>
      <link href="/a.css" rel="stylesheet">
      <link rel="stylesheet" media="print" href="/print.css">
      <link rel="stylesheet" href="/screen.css" media="screen and (min-width: 40em)">
      <link rel="preload" as="font" href="/f.woff2" crossorigin>
      <link rel="preload" href="/hero.webp" as="image">
      <link rel="icon" href="/favicon.svg">
      <link rel="stylesheet" href="https://cdn.example.org/x.css">
      <script type="module" src="/m.js"></script>
      <script src="/classic.js"></script>
      <script defer src="/deferred.js"></script>
      <script>inline()</script>
    </head><body><img src="/pic.png" width="1" height="1" alt=""><img src="data:image/gif;base64,R0lG" alt="">
      <link rel="stylesheet" href="/deferred.css"></body></html>`;
    // The stylesheet linked at the end of the body (the first screen's CSS is inline) blocks nothing before it.
    expect(referencedAssets(html)).toEqual({
      css: ['/a.css', '/print.css', '/screen.css', '/deferred.css'],
      blockingCss: ['/a.css', '/screen.css'],
      js: ['/m.js', '/classic.js', '/deferred.js'],
      blockingJs: ['/classic.js'],
      images: ['/hero.webp', '/pic.png'],
      fonts: ['/f.woff2'],
    });
  });
});

describe('cssReferences', () => {
  it('finds @import, images and fonts, resolved against the stylesheet', () => {
    const css = `@import url("base.css"); @import 'more.css';
      .a { background: url(../img/bg.png) } .b { background: url("data:image/svg+xml,<svg/>") }
      @font-face { src: url('/fonts/inter.woff2') format('woff2'), url(https://fonts.example.org/x.woff) }`;
    expect(cssReferences(css, '/_astro/site.css')).toEqual({
      imports: ['/_astro/base.css', '/_astro/more.css'],
      images: ['/img/bg.png'],
      fonts: ['/fonts/inter.woff2'],
    });
  });
});

describe('scriptClosure', () => {
  it('follows static imports once each, relative to the importing module', () => {
    const files: Record<string, string> = {
      '/_astro/page.js': 'import { a } from "./a.js"; import "./b.js"; const lazy = () => import("./lazy.js");',
      '/_astro/a.js': 'import"./b.js";export const a=1;',
      '/_astro/b.js': 'import { a } from "./a.js";',
    };
    const read = (url: string) => Buffer.from(files[url] ?? '');
    expect([...scriptClosure('/_astro/page.js', read)].sort()).toEqual([
      '/_astro/a.js',
      '/_astro/b.js',
      '/_astro/page.js',
    ]);
  });
});

describe('compressedSizes', () => {
  it('gives raw, gzip -9 and brotli bytes', () => {
    const text = 'backend frameworks '.repeat(200);
    const sizes = compressedSizes(text);
    expect(sizes.raw).toBe(Buffer.byteLength(text));
    expect(sizes.gzip).toBe(gzipSync(text, { level: 9 }).length);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
    expect(sizes.brotli).toBeLessThanOrEqual(brotliCompressSync(text).length);
  });
});

describe('pageWeights over a small built site', () => {
  const root = mkdtempSync(join(tmpdir(), 'page-weight-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const png = Buffer.alloc(700, 7);
  const font = Buffer.alloc(1200, 3);
  put(
    'index.html',
    '<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" media="print" href="/_astro/print.css"><script type="module" src="/_astro/page.js"></script><img src="/img/a.png" width="1" height="1" alt="">',
  );
  put('docs/index.html', '<link rel="stylesheet" href="/_astro/site.css"><p>no scripts</p>');
  put('_astro/site.css', '@import "./base.css"; body { background: url(/img/bg.png) }');
  put('_astro/base.css', '@font-face { font-family: X; src: url(/fonts/x.woff2) }');
  put('_astro/print.css', 'body { color: black }');
  put('_astro/page.js', 'import "./chunk.js";');
  put('_astro/chunk.js', 'export const x = 1;');
  put('img/a.png', png);
  put('img/bg.png', png);
  put('fonts/x.woff2', font);

  const [docs, home] = pageWeights(root);
  const size = (path: string) => compressedSizes(Buffer.from(path));

  it('lists every page with its URL', () => {
    expect([home?.page, docs?.page]).toEqual(['/', '/docs/']);
  });

  it('counts the CSS closure, the JS closure, images and fonts of a page', () => {
    expect(home?.files).toEqual({
      css: ['/_astro/site.css', '/_astro/base.css', '/_astro/print.css'],
      js: ['/_astro/page.js', '/_astro/chunk.js'],
      images: ['/img/a.png', '/img/bg.png'],
      fonts: ['/fonts/x.woff2'],
    });
    expect(home?.images.raw).toBe(1400);
    expect(home?.fonts.raw).toBe(1200);
    expect(home?.js.raw).toBe('import "./chunk.js";'.length + 'export const x = 1;'.length);
    expect(size('x').raw).toBe(1);
  });

  it('critical bytes are the HTML and the render-blocking CSS (not print CSS, not module scripts)', () => {
    const blockingCss =
      compressedSizes('@import "./base.css"; body { background: url(/img/bg.png) }').gzip +
      compressedSizes('@font-face { font-family: X; src: url(/fonts/x.woff2) }').gzip;
    expect(home?.critical.gzip).toBe((home?.html.gzip ?? 0) + blockingCss);
    expect(home?.total.raw).toBe((home?.html.raw ?? 0) + (home?.css.raw ?? 0) + (home?.js.raw ?? 0) + 1400 + 1200);
  });

  it('a page without scripts has no JS weight', () => {
    expect(docs?.js).toEqual({ raw: 0, gzip: 0, brotli: 0 });
  });

  it('fails on a referenced file that is not in the build', () => {
    put('broken/index.html', '<link rel="stylesheet" href="/_astro/missing.css">');
    expect(() => pageWeights(root)).toThrow('/_astro/missing.css is referenced but not in');
    rmSync(join(root, 'broken'), { recursive: true });
  });
});
