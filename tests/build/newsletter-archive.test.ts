/**
 * The newsletter archive with sent issues. Nothing has been sent in the real content, so this builds a copy of
 * the project (once, with `astro build`) holding two sent issues and one intro that has not been sent yet, and
 * checks the archive, the issue pages, the newsletter feed, the share images and the sitemap in the copy's dist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/lib/scaling.mjs';
import { decode, links, meta } from '../support/html';
import { pngSize } from '../support/png';
import { shareCardProblems } from '../support/share-cards';

const SITE = 'https://guide.example';
const W48_INTRO =
  'Hello readers,\nthis week every framework article was checked again.\n\nAlso: a new trend & its sources.\n';
const W48 = `---
sentAt: 2026-11-29T09:30:00.000Z
items:
  - { collection: frameworks, id: django, change: new }
  - { collection: trends, id: serverless, change: updated }
---
${W48_INTRO}`;
// An issue from a week with nothing new: it still went out, and says so.
const W47 = `---
sentAt: 2026-11-22T09:30:00.000Z
items: []
---
`;
// The editor's intro for a week not sent yet: not in the archive.
const W49 = 'Coming soon.\n';

let root: string;
let client: string;
const page = (path: string) => readFileSync(join(client, path, 'index.html'), 'utf8');
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

beforeAll(() => {
  root = copyProject('.', 'guide-archive-');
  mkdirSync(join(root, 'content/newsletter'));
  writeFileSync(join(root, 'content/newsletter/2026-48.md'), W48);
  writeFileSync(join(root, 'content/newsletter/2026-47.md'), W47);
  writeFileSync(join(root, 'content/newsletter/2026-49.md'), W49);
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: SITE, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0)
    throw new Error(`astro build failed in the copy:\n${(build.stdout + build.stderr).slice(-4000)}`);
  client = join(root, 'dist/client');
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a built archive with sent issues', () => {
  it('lists the sent issues newest first with their dates, item counts and intro excerpt, and not the unsent week', () => {
    const html = main(page('newsletter/archive'));
    const hrefs = [...html.matchAll(/<h2[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['/newsletter/archive/2026-w48/', '/newsletter/archive/2026-w47/']);
    const body = text(html);
    expect(body).toContain(
      'Week 48, 2026 23–29 November 2026 · sent 29 November 2026 · 2 articles Hello readers, this week every framework article was checked again. Also: a new trend & its sources.',
    );
    expect(body).toContain('Week 47, 2026 16–22 November 2026 · sent 22 November 2026 · no articles');
    expect(body).not.toMatch(/No issues yet|Week 49|Coming soon/);
    expect(existsSync(join(client, 'newsletter/archive/2026-w49'))).toBe(false);
  });

  it('shows an issue as the email did: intro, items linked to articles that exist, previous and next issue', () => {
    const html = page('newsletter/archive/2026-w48');
    const body = text(main(html));
    expect(body).toContain(
      'Hello readers, this week every framework article was checked again. Also: a new trend & its sources.',
    );
    expect(body).toMatch(/New · Framework Django .+ Updated · Trend Serverless/);
    const hrefs = [...main(html).matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toContain('/frameworks/django/');
    expect(hrefs).toContain('/trends/serverless/');
    for (const href of hrefs.filter((h) => h.startsWith('/')))
      expect(existsSync(join(client, href, 'index.html')), href).toBe(true);
    expect(main(html)).toMatch(/<a href="\/newsletter\/archive\/2026-w47\/" rel="prev"/);
    expect(main(html)).not.toContain('rel="next"');
    expect(main(page('newsletter/archive/2026-w47'))).toMatch(/<a href="\/newsletter\/archive\/2026-w48\/" rel="next"/);
    expect(text(main(page('newsletter/archive/2026-w47')))).toContain('Nothing new or updated that week.');
  });

  it('gives each issue page its own title, description, canonical, breadcrumbs, feed link and share image', () => {
    const [w48, w47] = [page('newsletter/archive/2026-w48'), page('newsletter/archive/2026-w47')];
    expect(/<title>([^<]+)<\/title>/.exec(w48)![1]).not.toBe(/<title>([^<]+)<\/title>/.exec(w47)![1]);
    expect(meta(w48, 'description')).not.toBe(meta(w47, 'description'));
    expect(links(w48, 'canonical')[0]!['href']).toBe(`${SITE}/newsletter/archive/2026-w48/`);
    expect(w48).toMatch(/<nav aria-label="Breadcrumb"[\s\S]*Home[\s\S]*Newsletter[\s\S]*Archive[\s\S]*Week 48, 2026/);
    expect(links(w48, 'alternate').map((l) => l['href'])).toContain(`${SITE}/newsletter/rss.xml`);
    const image = meta(w48, 'og:image')!;
    expect(image).toBe(`${SITE}/og/newsletter/archive/2026-w48.png`);
    expect(pngSize(join(client, new URL(image).pathname))).toEqual({ width: 1200, height: 630 });
    expect(shareCardProblems(readFileSync(join(client, new URL(image).pathname)))).toEqual([]);
    expect(meta(w48, 'og:image:alt')).toBe(
      'Backend Frameworks Guide: Week 48, 2026 (Newsletter). 23–29 November 2026 · 2 articles.',
    );
  });

  it('has one feed item per sent issue, with the web version as content and absolute links', async () => {
    const feed = await new Parser().parseString(readFileSync(join(client, 'newsletter/rss.xml'), 'utf8'));
    expect(feed.title).toBe('Backend Frameworks Guide newsletter');
    expect(feed.items.map((i) => i.link)).toEqual([
      `${SITE}/newsletter/archive/2026-w48/`,
      `${SITE}/newsletter/archive/2026-w47/`,
    ]);
    const [latest] = feed.items;
    expect(new Date(latest!.pubDate!).toISOString()).toBe('2026-11-29T09:30:00.000Z');
    const content = latest!['content:encoded'] as string;
    expect(content).toContain('<p>Also: a new trend &amp; its sources.</p>');
    expect(content).toContain(`<a href="${SITE}/frameworks/django/">Django</a>`);
    expect(content).not.toMatch(/href="\//);
  });

  it('puts the archive and every sent issue in the sitemap, dated when they were sent', () => {
    const xml = readFileSync(join(client, 'sitemap-0.xml'), 'utf8');
    const lastmod = (path: string) => new RegExp(`<loc>${SITE}${path}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
    expect(lastmod('/newsletter/archive/')).toBeTruthy();
    expect(lastmod('/newsletter/archive/2026-w48/')).toBe('2026-11-29T09:30:00.000Z');
    expect(lastmod('/newsletter/archive/2026-w47/')).toBe('2026-11-22T09:30:00.000Z');
    expect(xml).not.toContain('2026-w49');
  });
});
