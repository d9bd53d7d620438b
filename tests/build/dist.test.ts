import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, contentTypeFor } from '../../src/lib/static-files';

/** Checks over the built site in dist/ (npm test builds it first). */
const client = (p: string) => `dist/client/${p}`;

describe('built site', () => {
  it('has a home page, a 404 page, an RSS feed and a sitemap', () => {
    for (const file of ['index.html', '404.html', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      expect(existsSync(client(file)), file).toBe(true);
    }
  });

  it('lists pages in the sitemap but not the 404 page', () => {
    const sitemap = readFileSync(client('sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>');
    expect(sitemap).not.toContain('404');
  });

  it('declares the language, viewport and a canonical on the home page', () => {
    const html = readFileSync(client('index.html'), 'utf8');
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain('name="viewport"');
    expect(html).toMatch(/rel="canonical" href="https?:\/\/[^"]+\/"/);
  });
});

describe('precompressed copies', () => {
  const files = readdirSync('dist/client', { recursive: true, encoding: 'utf8' }).filter((f) => contentTypeFor(f) && statSync(client(f)).size >= COMPRESS_MIN_BYTES);

  it('exist for every page, stylesheet, script and feed', () => {
    for (const f of ['index.html', 'frameworks/express/index.html', 'rss.xml', 'sitemap-0.xml']) expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith('.css')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
  });

  it('decode to exactly the file beside them, and are smaller', () => {
    for (const f of files) {
      const raw = readFileSync(client(f));
      const br = readFileSync(client(`${f}.br`));
      const gz = readFileSync(client(`${f}.gz`));
      expect(brotliDecompressSync(br).equals(raw), `${f}.br`).toBe(true);
      expect(gunzipSync(gz).equals(raw), `${f}.gz`).toBe(true);
      expect(br.length, `${f}.br`).toBeLessThan(raw.length);
      expect(gz.length, `${f}.gz`).toBeLessThan(raw.length);
    }
  });
});

describe('article ratings', () => {
  it('show each score as text and as a bar of the matching width', async () => {
    const { frameworkEntries } = await import('../support/collections');
    const { barWidth, RATING_DIMENSIONS, RATING_KEYS } = await import('../../src/lib/ratings');
    for (const { id, data } of frameworkEntries) {
      const html = readFileSync(client(`frameworks/${id}/index.html`), 'utf8');
      const section = /<section aria-labelledby="ratings"[\s\S]*?<\/section>/.exec(html)![0];
      const cards = section.split('<dt').slice(1);
      expect(cards, id).toHaveLength(RATING_KEYS.length);
      RATING_KEYS.forEach((key, i) => {
        const { score } = data.ratings[key];
        expect(cards[i], `${id} ${key}`).toContain(`<span>${RATING_DIMENSIONS[key]}</span>`);
        expect(cards[i], `${id} ${key}`).toContain(`${score}/5`);
        expect(cards[i], `${id} ${key}`).toMatch(new RegExp(`class="[^"]*\\b${barWidth(score).replace('/', '\\/')}\\b`));
      });
    }
  });
});
