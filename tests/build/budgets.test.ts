import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BROTLI_QUALITY, FIRST_ROUND_TRIP } from '../../src/integrations/precompress';
import { AFTER_FIRST_FRAME_ID, AFTER_FIRST_FRAME_LOADER } from '../../src/lib/after-first-frame';
import { BELOW_THE_FOLD_ID } from '../../src/lib/critical-css';
import { scriptHash } from '../../src/lib/csp';
import { allPages } from '../support/html';

/**
 * Byte budgets over the built site (bytes are deterministic, so these are tests, not benchmarks).
 * First paint in one round trip: each page's HTML, with its first screen's CSS inline, fits in 14 KB as the server
 * sends it (its Brotli copy), within TCP's initial window (10 segments, about 14.6 KB: RFC 6928). An article that
 * outgrows it has to lose words or markup (see README, Performance).
 */
const JS_MAX = 10 * 1024;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
/** Brotli at the quality the server's copies are made with. */
const brotli = (s: string) =>
  brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }).length;
const file = (url: string) => readFileSync(`dist/client${url}`);

/** A script and everything it imports statically (Astro/Vite chunks), each counted once. */
function scriptClosure(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = file(url).toString('utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
    scriptClosure(new URL(m[1]!, `http://x${url}`).pathname, seen);
  return seen;
}

function pageJsBytes(html: string): number {
  const external = [...html.matchAll(/<script[^>]+src="(\/[^"]+)"/g)].map((m) => m[1]!);
  const urls = new Set(external.flatMap((u) => [...scriptClosure(u)]));
  const inline = [
    ...html.matchAll(/<script(?![^>]*(?:src=|application\/ld\+json|application\/json))[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);
  return [...urls].reduce((sum, u) => sum + gz(file(u)), 0) + inline.reduce((sum, s) => sum + gz(s), 0);
}

/** The stylesheets a page links to, in document order. */
const stylesheetsOf = (html: string) =>
  [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+)"/g)].map((m) => m[1]!);

/** A page as the server sends it: its Brotli copy (written for every file of 1 KB or more), else the file itself. */
function bytesAsSent(path: string): number {
  const file = `dist/client${path === '/404/' ? '/404.html' : `${path}index.html`}`;
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
}

const pages = allPages();
/** The site stylesheet, cached after the first page: the first one the home page links to. */
const sharedSheet = stylesheetsOf(pages.find((p) => p.path === '/')!.html)[0];

describe('budgets', () => {
  it.each(pages.filter((p) => p.path !== '/search/').map((p) => [p.path, p.html] as const))(
    '%s ships at most 10 KB gzip of JavaScript',
    (path, html) => {
      const bytes = pageJsBytes(html);
      expect(bytes, `${path}: JavaScript ${bytes} B gzip > ${JS_MAX} B`).toBeLessThanOrEqual(JS_MAX);
    },
  );

  it.each(pages.map((p) => p.path))('%s arrives with its first-screen CSS in one round trip', (path) => {
    const bytes = bytesAsSent(path);
    expect(bytes, `${path}: ${bytes} B as sent (Brotli) > ${FIRST_ROUND_TRIP} B`).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
  });

  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s blocks rendering on no stylesheet: its first screen’s CSS is inline and allowed, the rest waits for the first paint',
    (path, html) => {
      const head = html.slice(0, html.indexOf('</head>'));
      expect(stylesheetsOf(head), `${path}: render-blocking stylesheets in <head>`).toEqual([]);
      const styles = [...head.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      expect(styles, `${path}: one inline style`).toHaveLength(1);
      expect(styles[0], `${path}: cascade layers in their order`).toMatch(
        /^@layer properties,theme,base,components,utilities;/,
      );
      const csp = /http-equiv="content-security-policy" content="([^"]*)"/.exec(head)![1]!;
      expect(csp, `${path}: the inline style allowed by its hash`).toContain(`'${scriptHash(styles[0]!)}'`);
      // A browser without rel=expect may paint a long page before its end is parsed: the scrollbar's room is kept.
      expect(styles[0], `${path}: scrollbar room reserved at first paint`).toMatch(
        /html\{[^}]*scrollbar-gutter:stable/,
      );
      expect(csp).not.toContain('unsafe-inline');
      // What the first screen does not need waits in a template at the end of the body, with its loader: the shared
      // stylesheet (a component <style> would add another: use utilities), every module script, the manifest link.
      const rest = new RegExp(
        `<template id="${AFTER_FIRST_FRAME_ID}">(.*?)</template><noscript>(.*?)</noscript><script>(.*?)</script></body>`,
        's',
      ).exec(html);
      expect(rest, `${path}: the deferred part and its loader end the body`).not.toBeNull();
      const [whole, deferred, noscript, loader] = rest!;
      expect(stylesheetsOf(deferred!), `${path}: deferred stylesheets`).toEqual([sharedSheet]);
      expect(stylesheetsOf(noscript!), `${path}: the stylesheet without JavaScript`).toEqual([sharedSheet]);
      expect(deferred, `${path}: the manifest link deferred`).toMatch(/<link rel="manifest"/);
      expect(loader, `${path}: the loader`).toBe(AFTER_FIRST_FRAME_LOADER);
      expect(csp, `${path}: the loader allowed by its hash`).toContain(`'${scriptHash(loader!)}'`);
      const elsewhere = html.replace(whole!, '');
      expect(stylesheetsOf(elsewhere), `${path}: stylesheets fetched before the first paint`).toEqual([]);
      expect(elsewhere, `${path}: scripts fetched before the first paint`).not.toMatch(/<script\b[^>]*\bsrc=/);
      expect(elsewhere, `${path}: the manifest fetched before the first paint`).not.toMatch(/rel="manifest"/);
      expect(html, `${path}: no below-the-fold marker left`).not.toMatch(/<!--\/?below-the-fold/);
    },
  );

  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s draws its first frame once its first screen is parsed, and that part arrives in one round trip',
    (path, html) => {
      const expectLinks = [...html.matchAll(/<link rel="expect" href="#([\w-]+)" blocking="render">/g)];
      expect(expectLinks, `${path}: one rel=expect link`).toHaveLength(1);
      expect(expectLinks[0]!.index, `${path}: rel=expect is in the head`).toBeLessThan(html.indexOf('</head>'));
      const target = expectLinks[0]![1]!;
      const targets = [...html.matchAll(new RegExp(`<[a-z]+ id="${target}"`, 'g'))];
      expect(targets, `${path}: the expected element #${target}, once`).toHaveLength(1);
      expect(targets[0]!.index, `${path}: #${target} after the page's heading`).toBeGreaterThan(html.indexOf('<h1'));
      if (target !== 'page-end')
        expect(targets[0]!.index, `${path}: #${target} before the footer`).toBeLessThan(html.indexOf('<footer'));
      const firstScreen = brotli(html.slice(0, targets[0]!.index));
      expect(firstScreen, `${path}: ${firstScreen} B up to #${target} (Brotli)`).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
    },
  );

  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s inlines nothing for hover, press or print, and focus rules only if it focuses something at load',
    (path, html) => {
      const inline = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      expect(inline, `${path}: hover or press rules inline`).not.toMatch(/:(hover|active)\b/);
      expect(inline, `${path}: print rules inline`).not.toMatch(/@media print/);
      const autofocus = /<[a-z][^>]*\sautofocus[\s=>]/.test(html);
      expect(/:focus/.test(inline), `${path}: focus rules inline (autofocus: ${autofocus})`).toBe(autofocus);
    },
  );

  it('the search page, whose field is focused at load, is among the pages (so the focus rules are checked both ways)', () => {
    expect(pages.find((p) => p.path === '/search/')?.html).toMatch(/\sautofocus[\s=>]/);
  });

  it.each(pages.map((p) => [p.path, p.html] as const))('%s has no image without width and height', (path, html) => {
    const bad = [...html.matchAll(/<img\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/\swidth="\d+"/.test(tag) || !/\sheight="\d+"/.test(tag));
    expect(bad, `${path}: images without width/height`).toEqual([]);
  });
});

describe('article bodies below the fold', () => {
  const articles = pages.filter((p) => /^\/frameworks\/[^/]+\/$/.test(p.path));

  it('there are articles to check', () => expect(articles.length).toBeGreaterThan(0));

  // The shared stylesheet lets the body skip rendering while off screen only by this class and id (global.css).
  it.each(articles.map((p) => [p.path, p.html] as const))(
    '%s: its body is the first part below the fold',
    (_, html) => {
      const body = /<div\b[^>]*\bclass="prose\b[^"]*"[^>]*>/.exec(html)?.[0];
      expect(body).toContain(`id="${BELOW_THE_FOLD_ID}"`);
    },
  );

  it('the shared stylesheet skips rendering it while off screen, not at a #fragment in it', () => {
    expect(file(sharedSheet!).toString()).toMatch(
      new RegExp(`\\.prose#${BELOW_THE_FOLD_ID}:not\\(:has\\(:target\\)\\)\\{content-visibility:auto;`),
    );
  });
});

describe('content basics', () => {
  const indexed = pages.filter((p) => p.path !== '/404/');
  it.each(pages.map((p) => [p.path, p.html] as const))(
    '%s has exactly one h1, a title and a description',
    (path, html) => {
      expect(html.match(/<h1\b/g)?.length, `${path}: h1 count`).toBe(1);
      expect(html, `${path}: title`).toMatch(/<title>[^<]+<\/title>/);
      expect(html, `${path}: description`).toMatch(/<meta name="description" content="[^"]{40,}"/);
    },
  );

  it('no two pages share a title, a description or an h1', () => {
    for (const [label, re] of [
      ['title', /<title>([^<]+)<\/title>/],
      ['description', /<meta name="description" content="([^"]+)"/],
      ['h1', /<h1\b[^>]*>([\s\S]*?)<\/h1>/],
    ] as const) {
      const seen = new Map<string, string>();
      for (const p of indexed) {
        const value =
          re
            .exec(p.html)?.[1]
            ?.replace(/<[^>]+>/g, '')
            .trim() ?? '';
        expect(seen.get(value), `${label} "${value}" on ${p.path} and ${seen.get(value)}`).toBeUndefined();
        seen.set(value, p.path);
      }
    }
  });
});
