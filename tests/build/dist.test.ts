import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { allPages, links } from '../support/html';
import { scriptHash } from '../../src/lib/csp';
import { markdownFilesIn, readYamlList } from '../../src/content-files/entries';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { newsletterIssuePath } from '../../src/lib/paths';
import {
  BROTLI_QUALITY,
  BROTLI_QUALITY_TO_FIT,
  COMPRESS_MIN_BYTES,
  COPY_SUFFIX,
  isCompressible,
  worthRecompressing,
} from '../../src/integrations/precompress';
import { weekOfIssueFile } from '../../src/lib/iso-week';

/** Checks over the built site in dist/ (npm test builds it first). */
const client = (p: string) => `dist/client/${p}`;

describe('built site', () => {
  it('has a home page, a 404 page, an RSS feed and a sitemap', () => {
    for (const file of ['index.html', '404.html', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      expect(existsSync(client(file)), file).toBe(true);
    }
  });

  it("names its script files after their component, without Astro's long suffix (pages name them in their first bytes)", () => {
    const scripts = readdirSync('dist/client/_astro').filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((f) => f.includes('_astro_type_script'))).toEqual([]);
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

describe('further reading on the home page', () => {
  const section =
    /<section aria-labelledby="related"[\s\S]*?<\/section>/.exec(readFileSync(client('index.html'), 'utf8'))?.[0] ?? '';
  const reading = readYamlList('content/reading.yaml');

  it('links every entry of content/reading.yaml, and nothing else, each marked as leaving the site', () => {
    const hrefs = [
      ...section.matchAll(/<a href="([^"]+)" rel="external noopener">[^<]+<span[^>]*> \(external site\)<\/span><\/a>/g),
    ].map((m) => m[1]);
    expect(hrefs.sort()).toEqual(reading.map((r) => String(r['url'])).sort());
    expect([...section.matchAll(/<a /g)]).toHaveLength(reading.length);
  });

  it('names the publisher of every page it links', () => {
    for (const r of reading) expect(section, String(r['id'])).toContain(String(r['publisher']).replace(/&/g, '&amp;'));
  });
});

describe('content security policy', () => {
  it.each(allPages().map((p) => [p.path, p.html] as const))(
    '%s allows by hash only inline code it has',
    (path, html) => {
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      expect(policy, `${path}: no CSP meta`).toBeDefined();
      const hashes = [...policy!.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]);
      const inline = [
        ...html.matchAll(/<(script|style)(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/\1>/g),
      ].map((m) => scriptHash(m[2]!));
      expect(
        hashes.filter((h) => !inline.includes(h as `sha256-${string}`)),
        `${path}: hashes for code the page does not have`,
      ).toEqual([]);
      expect(hashes.length, `${path}: the theme script's hash`).toBeGreaterThan(0);
    },
  );
});

describe('precompressed copies', () => {
  const files = readdirSync('dist/client', { recursive: true, encoding: 'utf8' }).filter(
    (f) => isCompressible(f) && statSync(client(f)).size >= COMPRESS_MIN_BYTES,
  );

  it('cover every page, stylesheet, script and feed, and the search index written after the pages', () => {
    for (const f of ['index.html', 'frameworks/express/index.html', 'rss.xml', 'sitemap-0.xml', 'pagefind/pagefind.js'])
      expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith('.css')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
  });

  it('decode to exactly the file beside them, and are smaller', () => {
    for (const f of files) {
      const raw = readFileSync(client(f));
      const br = readFileSync(client(f + COPY_SUFFIX.br));
      const gz = readFileSync(client(f + COPY_SUFFIX.gzip));
      expect(brotliDecompressSync(br).equals(raw), `${f}.br`).toBe(true);
      expect(gunzipSync(gz).equals(raw), `${f}.gz`).toBe(true);
      expect(br.length, `${f}.br`).toBeLessThan(raw.length);
      expect(gz.length, `${f}.gz`).toBeLessThan(raw.length);
    }
  });

  it('of a page just over the first round trip are made at the higher quality, the others at the usual', () => {
    const brotliAt = (raw: Buffer, quality: number) =>
      brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }).length;
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const raw = readFileSync(client(f));
      const usual = brotliAt(raw, BROTLI_QUALITY);
      const expected = worthRecompressing(usual) ? Math.min(usual, brotliAt(raw, BROTLI_QUALITY_TO_FIT)) : usual;
      expect(statSync(client(f + COPY_SUFFIX.br)).size, f).toBe(expected);
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
        // The label links to its section of the rubric.
        expect(cards[i], `${id} ${key}`).toContain(`>${RATING_DIMENSIONS[key]}</a>`);
        expect(cards[i], `${id} ${key}`).toContain(`${score}/5`);
        expect(cards[i], `${id} ${key}`).toMatch(
          new RegExp(`class="[^"]*\\b${barWidth(score).replace('/', '\\/')}\\b`),
        );
      });
    }
  });
});

describe('newsletter archive of the real content', () => {
  // The weeks the content records as sent, newest first (none yet: the archive must say so, and the feed be
  // empty but valid). tests/build/newsletter-archive.test.ts builds a copy with sent issues in it.
  const sent = markdownFilesIn('content/newsletter')
    .filter((name) =>
      /^sentAt:/m.test(splitFrontmatter(readFileSync(`content/newsletter/${name}`, 'utf8')).frontmatter ?? ''),
    )
    .map((name) => weekOfIssueFile(name).id)
    .sort()
    .reverse();
  const archive = () => readFileSync(client('newsletter/archive/index.html'), 'utf8');

  it(
    sent.length
      ? 'lists every sent issue, newest first'
      : 'says there are no issues yet and links to the signup form and the feed',
    () => {
      const main = /<main[\s\S]*<\/main>/.exec(archive())![0];
      expect(main).toContain('href="/newsletter/"');
      expect(main).toContain('href="/newsletter/rss.xml"');
      expect([...main.matchAll(/<h2[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(
        sent.map((id) => newsletterIssuePath(id)),
      );
      expect(/<h2[^>]*>No issues yet<\/h2>/.test(main)).toBe(sent.length === 0);
    },
  );

  it('has a valid newsletter feed with one item per sent issue, announced on the newsletter pages', async () => {
    const xml = readFileSync(client('newsletter/rss.xml'), 'utf8');
    expect(xml).toMatch(/<atom:link href="https?:\/\/[^"]+\/newsletter\/rss\.xml" rel="self"/);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Backend Frameworks Guide newsletter');
    expect(feed.link).toMatch(/\/newsletter\/archive\/$/);
    expect(feed.items.map((i) => new URL(i.link!).pathname)).toEqual(sent.map((id) => newsletterIssuePath(id)));
    for (const path of ['newsletter/index.html', 'newsletter/archive/index.html']) {
      const html = readFileSync(client(path), 'utf8');
      expect(
        links(html, 'alternate').map((l) => l['href']),
        path,
      ).toContainEqual(expect.stringMatching(/\/newsletter\/rss\.xml$/));
    }
    const landing = readFileSync(client('newsletter/index.html'), 'utf8');
    expect(landing).toContain('href="/newsletter/archive/"');
    expect(landing).toContain('href="/newsletter/rss.xml"');
  });
});
