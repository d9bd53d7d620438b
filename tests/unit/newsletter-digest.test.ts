/** The digest composer: ISO weeks, which entries go in, escaping, absolute and per-recipient links. */
import { describe, expect, it } from 'vitest';
import { articlesIn, latestContentWeek, weekBeforeContent } from '../support/content-week';
import {
  composeDigest,
  personalise,
  readDigestSources,
  selectItems,
  UNSUBSCRIBE_PLACEHOLDER,
  type DigestEntry,
} from '../../src/newsletter/digest';
import { isoWeekOf, parseIsoWeek } from '../../src/lib/iso-week';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('ISO weeks', () => {
  it('parses 2026-W48 as Monday 23 to Sunday 29 November', () => {
    const w = parseIsoWeek('2026-W48');
    expect(w.id).toBe('2026-W48');
    expect(w.start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(parseIsoWeek('2026-48').id).toBe('2026-W48');
    expect(parseIsoWeek('2026-w5').id).toBe('2026-W05');
  });

  it('handles week 1 starting in the previous year and 53-week years', () => {
    expect(parseIsoWeek('2025-W01').start.toISOString()).toBe('2024-12-30T00:00:00.000Z');
    expect(parseIsoWeek('2026-W53').start.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(() => parseIsoWeek('2025-W53')).toThrow(/weeks 1 to 52/);
    expect(() => parseIsoWeek('2026-W00')).toThrow(/weeks 1 to 53/);
    expect(() => parseIsoWeek('next week')).toThrow(/not an ISO week/);
    expect(isoWeekOf(d('2027-01-01')).id).toBe('2026-W53');
    expect(isoWeekOf(d('2026-11-29')).id).toBe('2026-W48');
    expect(isoWeekOf(d('2026-11-30')).id).toBe('2026-W49');
  });
});

const entry = (over: Partial<DigestEntry>): DigestEntry => ({
  kind: 'trends',
  id: 'x',
  title: 'X',
  summary: 'About X.',
  publishedAt: d('2026-01-05'),
  updatedAt: d('2026-01-05'),
  ...over,
});

describe('selection', () => {
  const week = parseIsoWeek('2026-W48');
  const entries = [
    entry({ id: 'old', title: 'Old' }),
    entry({ id: 'updated', title: 'Updated', updatedAt: d('2026-11-29') }),
    entry({ kind: 'frameworks', id: 'new', title: 'New', publishedAt: d('2026-11-23'), updatedAt: d('2026-11-23') }),
    entry({ id: 'next-week', title: 'Next', publishedAt: d('2026-11-30'), updatedAt: d('2026-11-30') }),
  ];

  it('takes what was published or updated that week, new first, with absolute links under the site path', () => {
    const items = selectItems(entries, week, 'https://guide.example/sub/');
    expect(items.map((i) => [i.id, i.change, i.url])).toEqual([
      ['new', 'new', 'https://guide.example/sub/frameworks/new/'],
      ['updated', 'updated', 'https://guide.example/sub/trends/updated/'],
    ]);
  });

  it('reads the real content: the newest week carries every article published or updated in it, an earlier week none', () => {
    const { entries: real } = readDigestSources(process.cwd(), latestContentWeek);
    const items = selectItems(real, latestContentWeek, 'https://g.example');
    expect(items.length).toBe(articlesIn(latestContentWeek));
    expect(items.length).toBeGreaterThan(0);
    expect(selectItems(real, weekBeforeContent, 'https://g.example')).toEqual([]);
  });
});

describe('composing', () => {
  const week = parseIsoWeek('2026-W48');
  const items = selectItems(
    [entry({ title: 'Fish & <chips>', summary: '"quoted" & <b>bold</b>', publishedAt: d('2026-11-24') })],
    week,
    'https://guide.example',
  );
  const issue = composeDigest({
    week,
    siteName: 'Guide',
    siteUrl: 'https://guide.example',
    items,
    intro: 'Hello <readers>,\nwelcome.\n\nSecond & last.',
  });

  it('escapes titles, summaries and the intro in the HTML, and keeps them as written in the text', () => {
    expect(issue.html).toContain('Fish &amp; &lt;chips&gt;');
    expect(issue.html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(issue.html).toContain('Hello &lt;readers&gt;, welcome.');
    expect(issue.html).not.toMatch(/<chips>|<b>bold|<readers>/);
    expect(issue.text).toContain('Fish & <chips>');
    expect(issue.text).toContain('Hello <readers>, welcome.\n\nSecond & last.');
  });

  it('links every item absolutely, is dark-mode aware and has an unsubscribe placeholder in both parts', () => {
    const hrefs = [...issue.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toContain('https://guide.example/trends/x/');
    expect(
      hrefs.filter((h) => h !== UNSUBSCRIBE_PLACEHOLDER).every((h) => h.startsWith('https://guide.example/')),
    ).toBe(true);
    expect(issue.html).toContain('prefers-color-scheme: dark');
    expect(issue.html).toContain('role="presentation"');
    expect(issue.text).toContain('https://guide.example/trends/x/');
    expect(issue.subject).toBe('Guide weekly, 2026-W48: 1 new or updated article');
  });

  it('puts each recipient’s own unsubscribe link in place of the placeholder', () => {
    const mine = personalise(issue, 'https://guide.example/newsletter/unsubscribe/?token=abc&x=1');
    expect(mine.text).toContain('Unsubscribe: https://guide.example/newsletter/unsubscribe/?token=abc&x=1');
    expect(mine.html).toContain('href="https://guide.example/newsletter/unsubscribe/?token=abc&amp;x=1"');
    expect(mine.html + mine.text).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
  });

  it('says so when nothing changed that week', () => {
    const empty = composeDigest({ week, siteName: 'Guide', siteUrl: 'https://guide.example', items: [] });
    expect(empty.subject).toContain('no new articles');
    expect(empty.text).toContain('Nothing new or updated this week.');
  });
});
