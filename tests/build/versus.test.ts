import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allPairs, pairSlug, pairsWith } from '../../src/lib/versus/pairs';
import { barWidth, RATING_KEYS } from '../../src/lib/ratings';
import { frameworkEntries, versusEntries } from '../support/collections';
import { decode, jsonLdBlocks, meta } from '../support/html';

/** The head-to-head pages in dist/ (npm test builds first), checked against the collection data. */
const client = (p: string) => `dist/client/${p}`;
const html = (p: string) => readFileSync(client(p), 'utf8');
const slugs = allPairs(frameworkEntries).map(([a, b]) => pairSlug(a, b));
const name = (id: string) => frameworkEntries.find((f) => f.id === id)!.data.name;
const linksTo = (page: string, path: string) => page.includes(`href="${path}"`);

/** The text of the element opening with the first tag carrying `attr`, from `from` on (no nested tags inside). */
function textOf(page: string, attr: string, from = 0): string | undefined {
  const at = page.indexOf(attr, from);
  if (at === -1) return undefined;
  const open = page.indexOf('>', at);
  return page.slice(open + 1, page.indexOf('<', open)).trim();
}
function classOf(page: string, attr: string, from = 0): string {
  const at = page.indexOf(attr, from);
  const tagStart = page.lastIndexOf('<', at);
  return /class="([^"]*)"/.exec(page.slice(tagStart, page.indexOf('>', at)))?.[1] ?? '';
}

describe('head-to-head pages', () => {
  it('builds exactly the canonical pair pages, one per pair of frameworks, and no reversed ones', () => {
    const n = frameworkEntries.length;
    expect(slugs).toHaveLength((n * (n - 1)) / 2);
    const built = readdirSync(client('compare'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(built).toEqual([...slugs].sort());
    for (const slug of slugs) expect(existsSync(client(`compare/${slug}/index.html`)), slug).toBe(true);
  });

  it('links each pair from /compare/ and from both of its articles, and each page to both articles', () => {
    const compare = html('compare/index.html');
    for (const [a, b] of allPairs(frameworkEntries)) {
      const path = `/compare/${pairSlug(a, b)}/`;
      expect(linksTo(compare, path), `/compare/ → ${path}`).toBe(true);
      for (const f of [a, b]) {
        expect(linksTo(html(`frameworks/${f.id}/index.html`), path), `${f.id} article → ${path}`).toBe(true);
        expect(linksTo(html(`compare/${pairSlug(a, b)}/index.html`), `/frameworks/${f.id}/`), `${path} → ${f.id}`).toBe(
          true,
        );
      }
    }
    for (const f of frameworkEntries) {
      const article = html(`frameworks/${f.id}/index.html`);
      expect(article.match(/href="\/compare\/[a-z-]+-vs-[a-z-]+\/"/g)?.length, f.id).toBe(
        pairsWith(f.id, frameworkEntries).length,
      );
    }
  });

  it.each(slugs)('%s: the chart shows the numbers and bar lengths of the data', (slug) => {
    const page = html(`compare/${slug}/index.html`);
    const [a, b] = slug.split('-vs-').map((id) => frameworkEntries.find((f) => f.id === id)!);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(page)?.[1]).toBe(`${a!.data.name} vs ${b!.data.name}`);
    const chart = page.slice(page.indexOf('data-ratings-chart'), page.indexOf('</figure>'));
    for (const key of RATING_KEYS) {
      const block = chart.indexOf(`data-rating="${key}"`);
      expect(block, key).toBeGreaterThan(-1);
      for (const f of [a!, b!]) {
        const score = f.data.ratings[key].score;
        expect(textOf(chart, `data-score="${f.id}"`, block), `${f.id} ${key}`).toBe(`${score}/5`);
        expect(classOf(chart, `data-bar="${f.id}"`, block).split(' '), `${f.id} ${key} bar`).toContain(barWidth(score));
      }
    }
  });

  /** The text of every element with `tag` inside `html`, tags stripped and entities decoded. */
  const texts = (html: string, tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
      decode(m[1]!.replace(/<[^>]+>/g, '')).trim(),
    );
  const between = (page: string, from: string, to: string) =>
    page.slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)));
  const entry = (slug: string) => versusEntries.find((v) => v.id === slug)!;

  it.each(slugs)(
    '%s: the verdict is the first paragraph after the h1, and the page is described by its summary',
    (slug) => {
      const page = html(`compare/${slug}/index.html`);
      const { lead, summary } = entry(slug).data;
      const afterH1 = page.slice(page.indexOf('</h1>'));
      expect(texts(afterH1, 'p')[0]).toBe(lead);
      expect(meta(page, 'description')).toBe(summary);
      for (const section of [
        'id="facts"',
        'id="ratings"',
        'id="where-each-leads"',
        'id="which-to-pick"',
        'id="sources"',
      ])
        expect(page, `${slug} ${section}`).toContain(section);
    },
  );

  it.each(slugs)('%s: both "Pick … if" lists hold the entry’s two to four lines', (slug) => {
    const page = html(`compare/${slug}/index.html`);
    for (const id of slug.split('-vs-')) {
      const list = between(page, `data-pick="${id}"`, '</section>');
      expect(texts(list, 'h3')).toEqual([`Pick ${name(id)} if …`]);
      const items = texts(list, 'li');
      expect(items.length, id).toBeGreaterThanOrEqual(2);
      expect(items.length, id).toBeLessThanOrEqual(4);
      expect(items).toEqual(entry(slug).data.pick[id]);
    }
  });

  it.each(slugs)('%s: ends with its sources as https links', (slug) => {
    const page = html(`compare/${slug}/index.html`);
    const list = between(page, 'data-sources', '</section>');
    const hrefs = [...list.matchAll(/<a href="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(hrefs).toEqual(entry(slug).data.sources.map((s) => s.url));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const url of hrefs) expect(url).toMatch(/^https:\/\//);
    // The last section of the article.
    expect(page.indexOf('aria-labelledby="', page.indexOf('data-sources')), 'a section after the sources').toBe(-1);
  });

  it.each(slugs)('%s: no column for a side that leads on nothing, no "X on X" runtime', (slug) => {
    const page = html(`compare/${slug}/index.html`);
    const text = decode(page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
    expect(text).not.toMatch(/does not score higher|on any of the six ratings/);
    const [a, b] = slug.split('-vs-');
    const rows = RATING_KEYS.map((key) => {
      const [x, y] = [a!, b!].map((id) => frameworkEntries.find((f) => f.id === id)!.data.ratings[key].score);
      return Math.sign(x! - y!);
    });
    expect(page.includes('data-leads="a"'), `${slug} leads-a`).toBe(rows.includes(1));
    expect(page.includes('data-leads="b"'), `${slug} leads-b`).toBe(rows.includes(-1));
    for (const m of text.matchAll(/\b([\w#.]+) on (?:the )?([\w#.]+)\b/g)) expect(m[1], m[0]).not.toBe(m[2]);
    for (const id of [a!, b!]) {
      const { languages, runtime } = frameworkEntries.find((f) => f.id === id)!.data;
      expect(text, `${id} card`).toContain(languages.join(' · '));
      if (!languages.includes(runtime))
        expect(text, `${id} card`).toMatch(
          new RegExp(`${languages.join(' · ')} on (the )?${runtime.replace('.', '\\.')}`),
        );
    }
  });

  it.each(slugs)('%s: TechArticle structured data with the entry’s dates', (slug) => {
    const page = html(`compare/${slug}/index.html`);
    const nodes = jsonLdBlocks(page).flatMap(
      (b) => (b as { '@graph'?: Record<string, unknown>[] })['@graph'] ?? [b as Record<string, unknown>],
    );
    const article = nodes.find((n) => n['@type'] === 'TechArticle');
    expect(article, slug).toBeDefined();
    const { summary, publishedAt, updatedAt } = entry(slug).data;
    expect(article!['description']).toBe(summary);
    expect(String(article!['datePublished'])).toContain(publishedAt.toISOString().slice(0, 10));
    expect(String(article!['dateModified'])).toContain(updatedAt.toISOString().slice(0, 10));
  });

  it('shows a longer take only for entries with a body', () => {
    for (const slug of slugs)
      expect(html(`compare/${slug}/index.html`).includes('data-editorial'), slug).toBe(
        Boolean(entry(slug).body.trim()),
      );
  });

  it('puts every pair in the sitemap, and those the RSS feed lists (the newest articles) under their title', () => {
    const rss = html('rss.xml');
    const sitemap = html('sitemap-0.xml');
    const inFeed = slugs.filter((slug) => rss.includes(`/compare/${slug}/</link>`));
    expect(inFeed.length).toBeGreaterThan(0);
    for (const slug of slugs) expect(sitemap, `sitemap ${slug}`).toContain(`/compare/${slug}/</loc>`);
    for (const slug of inFeed) {
      const [first, second] = slug.split('-vs-');
      expect(rss).toContain(`<title>${name(first!)} vs ${name(second!)}</title>`);
    }
    expect(sitemap).not.toMatch(/\/compare\/(pick|laravel-vs-django)\//);
  });
});
