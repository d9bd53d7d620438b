import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryIdsIn } from '../../src/lib/entry-ids';
import { allPairs, pairSlug, pairsWith } from '../../src/lib/pairs';
import { barWidth, RATING_KEYS } from '../../src/lib/ratings';
import { frameworkEntries } from '../support/collections';

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
  it('builds exactly the ten canonical pair pages and no reversed ones', () => {
    expect(slugs).toHaveLength(10);
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
        expect(linksTo(html(`compare/${pairSlug(a, b)}/index.html`), `/frameworks/${f.id}/`), `${path} → ${f.id}`).toBe(true);
      }
    }
    for (const f of frameworkEntries) {
      const article = html(`frameworks/${f.id}/index.html`);
      expect(article.match(/href="\/compare\/[a-z-]+-vs-[a-z-]+\/"/g)?.length, f.id).toBe(pairsWith(f.id, frameworkEntries).length);
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

  it('shows editorial text only where a versus entry exists, and reads from data alone elsewhere', () => {
    const withText = entryIdsIn('content/versus');
    expect(withText.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const page = html(`compare/${slug}/index.html`);
      expect(page.includes('data-editorial'), slug).toBe(withText.includes(slug));
      for (const section of ['id="facts"', 'id="ratings"', 'id="where-each-leads"', 'id="which-to-pick"']) expect(page, `${slug} ${section}`).toContain(section);
    }
  });

  it('puts only the pairs with editorial text in the RSS feed, and every pair in the sitemap', () => {
    const rss = html('rss.xml');
    const sitemap = html('sitemap-0.xml');
    const withText = entryIdsIn('content/versus');
    for (const slug of slugs) {
      expect(rss.includes(`/compare/${slug}/</link>`), `rss ${slug}`).toBe(withText.includes(slug));
      expect(sitemap, `sitemap ${slug}`).toContain(`/compare/${slug}/</loc>`);
    }
    const [first, second] = withText[0]!.split('-vs-');
    expect(rss).toContain(`<title>${name(first!)} vs ${name(second!)}</title>`);
    expect(sitemap).not.toMatch(/\/compare\/(pick|laravel-vs-django)\//);
  });
});
