import { existsSync, readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { allPages, decode, jsonLdBlocks, links, meta, pageHtml } from '../support/html';
import { pngSize } from '../support/png';
import { schemaProblems } from '../support/schemaorg';
import { sitePaths } from '../support/site-pages';
import { FEED_ITEM_LIMIT } from '../../src/lib/feed-html';
import { site } from '../../src/site';

const pages = allPages();
const isAbsolute = (url: string | undefined) => Boolean(url && /^https?:\/\/[^/]+\//.test(url));
const isArticle = (path: string) => /^\/(frameworks|trends)\/[^/]+\/$/.test(path);
/** Articles, plus head-to-head pages that carry editorial text. */
const isArticleLike = (html: string) => meta(html, 'og:type') === 'article';

describe.each(pages.map((p) => [p.path, p.html] as const))('%s', (path, html) => {
  it('has unique-looking title and description, an absolute canonical and complete Open Graph tags', () => {
    expect(html).toMatch(/<title>[^<]{5,}<\/title>/);
    expect(meta(html, 'description')?.length).toBeGreaterThan(40);
    const canonical = links(html, 'canonical')[0]?.['href'];
    expect(isAbsolute(canonical), `canonical ${canonical}`).toBe(true);
    for (const key of ['og:type', 'og:title', 'og:description', 'og:site_name', 'og:image:alt'])
      expect(meta(html, key), key).toBeTruthy();
    expect(meta(html, 'og:url')).toBe(canonical);
    expect(isAbsolute(meta(html, 'og:image'))).toBe(true);
    expect(meta(html, 'og:image:width')).toBe('1200');
    expect(meta(html, 'og:image:height')).toBe('630');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(links(html, 'alternate').find((l) => l['type'] === 'application/rss+xml')?.['href']).toMatch(
      /^https?:\/\/.+\/rss\.xml$/,
    );
    expect(links(html, 'manifest')).toHaveLength(1);
    // robots.txt names the sitemap; rel="sitemap" is not a link type anyone reads, and its bytes count.
    expect(links(html, 'sitemap')).toHaveLength(0);
    expect(links(html, 'icon').length).toBeGreaterThan(0);
    expect(meta(html, 'theme-color')).toBeTruthy();
  });

  it('says in og:image:alt what its share card shows, not the page title again, naming the site once at most', () => {
    const alt = meta(html, 'og:image:alt')!;
    expect(meta(html, 'twitter:image:alt')).toBe(alt);
    expect(alt).not.toBe(meta(html, 'og:title'));
    expect(alt.split(site.name).length - 1, alt).toBeLessThanOrEqual(1);
  });

  it('has a 1200×630 PNG share image that exists in the build', () => {
    const file = `dist/client${new URL(meta(html, 'og:image')!).pathname}`;
    expect(existsSync(file), file).toBe(true);
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
  });

  it('marks articles with published and modified times', () => {
    if (isArticle(path)) expect(meta(html, 'og:type')).toBe('article');
    expect(Boolean(meta(html, 'article:published_time'))).toBe(isArticleLike(html));
  });

  it('has one JSON-LD graph, valid against schema.org, with stable ids and the required properties', () => {
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    const data = blocks[0] as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(data['@context']).toBe('https://schema.org');
    expect(schemaProblems(data)).toEqual([]);
    const nodes = data['@graph'];
    const ids = nodes.map((n) => n['@id']);
    expect(new Set(ids).size).toBe(ids.length);
    const byType = (t: string) => nodes.filter((n) => n['@type'] === t);
    expect(byType('WebSite')).toHaveLength(1);
    expect(byType('Organization')).toHaveLength(1);
    const required: Record<string, string[]> = {
      WebSite: ['name', 'url'],
      Organization: ['name', 'url', 'logo'],
      BreadcrumbList: ['itemListElement'],
      TechArticle: ['headline', 'description', 'image', 'datePublished', 'dateModified', 'author', 'publisher'],
      FAQPage: ['mainEntity'],
      ItemList: ['itemListElement'],
    };
    for (const node of nodes) {
      for (const prop of required[String(node['@type'])] ?? [])
        expect(node[prop], `${String(node['@type'])}.${prop}`).toBeTruthy();
    }
    if (path !== '/' && path !== '/404/') expect(byType('BreadcrumbList')).toHaveLength(1);
    // The site's description is on its home page only; the others name it by the same id.
    expect(Boolean(byType('WebSite')[0]!['description']), 'WebSite.description').toBe(path === '/');
    expect(byType('TechArticle')).toHaveLength(isArticleLike(html) ? 1 : 0);
    expect(byType('FAQPage')).toHaveLength(path === '/faq/' ? 1 : 0);
  });

  it('escapes <, > and & inside JSON-LD', () => {
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(raw).not.toMatch(/[<>&]/);
  });
});

describe('feed', () => {
  it('parses as RSS 2.0 and lists the newest articles, up to its limit, with full rendered HTML and absolute links', async () => {
    const xml = readFileSync('dist/client/rss.xml', 'utf8');
    expect(xml).toMatch(/<atom:link href="https?:\/\/[^"]+\/rss\.xml" rel="self"/);
    const feed = await new Parser().parseString(xml);
    const articles = sitePaths().filter((p) => isArticle(p) || isArticleLike(pageHtml(p)));
    const listed = feed.items.map((i) => new URL(i.link!).pathname);
    expect(listed).toHaveLength(Math.min(articles.length, FEED_ITEM_LIMIT));
    expect(new Set(listed).size).toBe(listed.length);
    expect(articles).toEqual(expect.arrayContaining(listed));
    // Newest first, and no article left out is newer than the oldest one listed.
    const dates = feed.items.map((i) => Date.parse(i.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const path of articles.filter((p) => !listed.includes(p)))
      expect(Date.parse(meta(pageHtml(path), 'article:published_time')!), path).toBeLessThanOrEqual(Math.min(...dates));
    for (const item of feed.items) {
      const html = item['content:encoded'] as string;
      expect(item.pubDate, item.link).toBeTruthy();
      expect(item.categories?.length, item.link).toBeGreaterThan(0);
      expect(html, item.link).toMatch(/<p>[^<]{20,}/);
      expect(html, item.link).not.toMatch(/<CodeSample|^import |\{sample\}/m);
      expect(html, item.link).not.toMatch(/\s(href|src)="\/(?!\/)/);
    }
    // Every framework article has a code sample, rendered from its MDX component into plain HTML.
    for (const item of feed.items.filter((i) => /\/frameworks\/[^/]+\/$/.test(i.link!)))
      expect(item['content:encoded'], item.link).toMatch(/<pre[^>]*><code>/);
  });
});

describe('sitemap and robots', () => {
  it('lists every page with a lastmod, and robots.txt names the sitemap', () => {
    const xml = readFileSync('dist/client/sitemap-0.xml', 'utf8');
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
    // Every indexable page: the noindex steps of the newsletter flow stay out.
    const indexable = sitePaths().filter((p) => meta(pageHtml(p), 'robots') !== 'noindex');
    expect(urls.map((m) => new URL(m[1]!).pathname).sort()).toEqual(indexable);
    for (const m of urls) expect(Number.isNaN(Date.parse(m[2]!))).toBe(false);
    expect(readFileSync('dist/client/robots.txt', 'utf8')).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });

  it('lists on the home page the questions that /faq/ marks up (the only FAQPage), each linking to its answer there', () => {
    const faq = pageHtml('/faq/');
    const graph = (jsonLdBlocks(faq)[0] as { '@graph': { '@type': string; mainEntity?: { name: string }[] }[] })[
      '@graph'
    ];
    const markedUp = graph.find((n) => n['@type'] === 'FAQPage')!.mainEntity!.map((q) => q.name);
    const links = [...pageHtml('/').matchAll(/<a href="\/faq\/#([^"]+)"[^>]*>\s*([^<]+?)\s*<\/a>/g)];
    expect(links.map((m) => decode(m[2]!))).toEqual(markedUp);
    for (const [, id] of links) expect(faq, `#${id} on /faq/`).toContain(` id="${id}"`);
  });
});
