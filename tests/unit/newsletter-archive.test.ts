/** The newsletter archive's pure helpers: week labels, order, the sent record in the frontmatter, frozen items. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  archiveRecordStep,
  freezeItems,
  introExcerpt,
  isRecordedAsSent,
  itemCount,
  newestFirst,
  thawItems,
  weekLabel,
  weekRange,
  withSentRecord,
} from '../../src/newsletter/archive';
import { composeDigest, selectItems, type DigestEntry } from '../../src/newsletter/digest';
import { issueFileName, parseIsoWeek, weekOfIssueFile } from '../../src/lib/iso-week';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { newsletterIssuePath } from '../../src/lib/paths';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('week labels and file names', () => {
  it('names the week, its days and its page', () => {
    const w48 = parseIsoWeek('2026-W48');
    expect(weekLabel(w48)).toBe('Week 48, 2026');
    expect(weekRange(w48)).toBe('23–29 November 2026');
    expect(weekRange(parseIsoWeek('2026-W49'))).toBe('30 November – 6 December 2026');
    expect(weekRange(parseIsoWeek('2026-W01'))).toBe('29 December 2025 – 4 January 2026');
    expect(newsletterIssuePath('2026-W05')).toBe('/newsletter/archive/2026-w05/');
  });

  it('maps weeks to file names and back, refusing names that are not a week', () => {
    expect(issueFileName(parseIsoWeek('2026-W05'))).toBe('2026-05.md');
    expect(weekOfIssueFile('content/newsletter/2026-48.md').id).toBe('2026-W48');
    expect(() => weekOfIssueFile('content/newsletter/2026-W48.md')).toThrow(
      /content\/newsletter\/2026-W48\.md: newsletter files are named <yyyy>-<ww>\.md/,
    );
    expect(() => weekOfIssueFile('content/newsletter/2025-53.md')).toThrow(/2025-53\.md: 2025 has weeks 1 to 52/);
  });

  it('orders issues newest first, across years', () => {
    const issues = ['2026-W02', '2025-W52', '2026-W10', '2026-W01'].map((id) => ({ week: parseIsoWeek(id) }));
    expect(newestFirst(issues).map((i) => i.week.id)).toEqual(['2026-W10', '2026-W02', '2026-W01', '2025-W52']);
    expect(issues[0]!.week.id).toBe('2026-W02'); // the input is not reordered
  });

  it('counts items and cuts the intro excerpt at a word', () => {
    expect([0, 1, 3].map(itemCount)).toEqual(['no articles', '1 article', '3 articles']);
    expect(introExcerpt([])).toBeUndefined();
    expect(introExcerpt(['Hello readers,', 'this week.'])).toBe('Hello readers, this week.'); // a greeting alone says nothing
    const long =
      'This week the guide rewrote the Django article, checked every support date again, and added a comparison of how each framework handles background jobs at scale.';
    const excerpt = introExcerpt([long], 80)!;
    expect(excerpt.length).toBeLessThanOrEqual(80);
    expect(excerpt).toBe('This week the guide rewrote the Django article, checked every support date…');
  });
});

describe('the sent record in the frontmatter', () => {
  const sentAt = new Date('2026-11-29T09:30:00.000Z');
  const items = [
    { collection: 'frameworks' as const, id: 'django', change: 'new' as const },
    { collection: 'trends' as const, id: 'serverless', change: 'updated' as const },
  ];
  const intro = 'Hello readers,\n\nthis week: *two* articles.\n\n  Indented line kept.\n';

  it('adds a frontmatter block to an intro-only file and keeps the intro byte for byte', () => {
    const written = withSentRecord(intro, { sentAt, items });
    const { frontmatter, body } = splitFrontmatter(written);
    expect(body).toBe(intro);
    expect(parse(frontmatter!)).toEqual({ sentAt: '2026-11-29T09:30:00.000Z', items });
    expect(isRecordedAsSent(intro)).toBe(false);
    expect(isRecordedAsSent(written)).toBe(true);
  });

  it('keeps other frontmatter lines and comments, and replaces an earlier record', () => {
    const before = `---\n# written by the editor\nsentAt: 2026-01-01T00:00:00.000Z\nitems: []\n---\n${intro}`;
    const written = withSentRecord(before, { sentAt, items });
    expect(written).toContain('# written by the editor');
    expect(splitFrontmatter(written).body).toBe(intro);
    expect(parse(splitFrontmatter(written).frontmatter!)).toEqual({ sentAt: '2026-11-29T09:30:00.000Z', items });
  });

  it('creates the file when there was none, and an empty frontmatter block is fine', () => {
    expect(withSentRecord(undefined, { sentAt, items: [] })).toBe(
      '---\nsentAt: 2026-11-29T09:30:00.000Z\nitems: []\n---\n',
    );
    expect(splitFrontmatter(withSentRecord('---\n---\nIntro.\n', { sentAt, items })).body).toBe('Intro.\n');
  });

  it('refuses a frontmatter that is not YAML or not a map, without guessing', () => {
    expect(() => withSentRecord('---\nsentAt: [unclosed\n---\nIntro.\n', { sentAt, items })).toThrow(/not valid YAML/);
    expect(() => withSentRecord('---\n- a list\n---\nIntro.\n', { sentAt, items })).toThrow(
      /not a list of "key: value" lines/,
    );
  });

  it('reads the intro without the record: the composer and the archive see the same paragraphs', () => {
    const written = withSentRecord(intro, { sentAt, items });
    const week = parseIsoWeek('2026-W48');
    const issue = composeDigest({
      week,
      siteName: 'Guide',
      siteUrl: 'https://g.example',
      items: [],
      intro: splitFrontmatter(written).body,
    });
    expect(issue.text).toContain('Hello readers,\n\nthis week: *two* articles.\n\nIndented line kept.');
    expect(issue.text).not.toContain('sentAt');
  });
});

describe('recording a sent issue for the archive (the send command’s decision)', () => {
  const week = parseIsoWeek('2026-W48');
  const sentAt = new Date('2026-11-29T09:30:00.000Z');
  const items = selectItems(
    [
      {
        kind: 'frameworks',
        id: 'django',
        title: 'Django',
        summary: 'About Django.',
        publishedAt: d('2026-11-24'),
        updatedAt: d('2026-11-24'),
      },
    ],
    week,
    'https://g.example',
  );
  const file = 'content/newsletter/2026-48.md';
  const webUrl = 'https://g.example/newsletter/archive/2026-w48/';
  const run = (over: Partial<Parameters<typeof archiveRecordStep>[0]>) =>
    archiveRecordStep({ week, file, fileText: 'Intro.\n', sentInAll: 3, stillDue: 0, items, sentAt, webUrl, ...over });

  it('does nothing while the issue is incomplete: nothing sent yet, or someone still due', () => {
    expect(run({ sentInAll: 0 })).toEqual({ log: [] });
    expect(run({ stillDue: 1 })).toEqual({ log: [] });
  });

  it('writes sentAt and the frozen items once nobody is due, keeping the intro, and says to commit', () => {
    const step = run({});
    expect(step.error).toBeUndefined();
    expect(step.write).toBe(withSentRecord('Intro.\n', { sentAt, items: freezeItems(items) }));
    expect(step.log).toEqual([
      'Recorded 2026-W48 as sent (1 item) in content/newsletter/2026-48.md.',
      `Commit content/newsletter/2026-48.md and rebuild to publish it in the archive at ${webUrl}`,
    ]);
    expect(run({ fileText: undefined, items: [] }).log[0]).toBe(
      'Recorded 2026-W48 as sent (0 items) in content/newsletter/2026-48.md.',
    );
  });

  it('leaves a file that already records the issue as it is', () => {
    const recorded = withSentRecord('Intro.\n', { sentAt: new Date('2026-11-28T00:00:00Z'), items: [] });
    expect(run({ fileText: recorded })).toEqual({
      log: ['content/newsletter/2026-48.md already records 2026-W48 as sent; left as it is.'],
    });
  });

  it('writes nothing to a file whose frontmatter it cannot read, and says how to finish', () => {
    const step = run({ fileText: '---\n- a list\n---\nIntro.\n' });
    expect(step.write).toBeUndefined();
    expect(step.log).toEqual([]);
    expect(step.error).toBe(
      'content/newsletter/2026-48.md: the frontmatter is not a list of "key: value" lines. Fix it and run the same command again to record the issue (nobody is sent it twice).',
    );
  });
});

describe('frozen items', () => {
  const week = parseIsoWeek('2026-W48');
  const entry = (over: Partial<DigestEntry>): DigestEntry => ({
    kind: 'trends',
    id: 'x',
    title: 'X',
    summary: 'About X.',
    publishedAt: d('2026-01-05'),
    updatedAt: d('2026-01-05'),
    ...over,
  });
  const entries = [
    entry({
      kind: 'frameworks',
      id: 'django',
      title: 'Django',
      publishedAt: d('2026-11-24'),
      updatedAt: d('2026-11-24'),
    }),
    entry({ id: 'serverless', title: 'Serverless', updatedAt: d('2026-11-25') }),
    entry({ id: 'old', title: 'Old' }),
  ];

  it('stores references only, and gives back the same items in the same order', () => {
    const items = selectItems(entries, week, 'https://g.example');
    const refs = freezeItems(items);
    expect(refs).toEqual([
      { collection: 'frameworks', id: 'django', change: 'new' },
      { collection: 'trends', id: 'serverless', change: 'updated' },
    ]);
    expect(thawItems(refs, entries, 'https://g.example/')).toEqual(items);
  });

  it('is not rewritten when an article is later updated into another week', () => {
    const refs = freezeItems(selectItems(entries, week, 'https://g.example'));
    const later = entries.map((e) =>
      e.id === 'serverless' ? { ...e, title: 'Serverless, revised', updatedAt: d('2026-12-09') } : e,
    );
    expect(selectItems(later, week, 'https://g.example').map((i) => i.id)).toEqual(['django']); // a fresh selection would lose it
    const thawed = thawItems(refs, later, 'https://g.example');
    expect(thawed.map((i) => [i.id, i.change, i.title, i.url])).toEqual([
      ['django', 'new', 'Django', 'https://g.example/frameworks/django/'],
      ['serverless', 'updated', 'Serverless, revised', 'https://g.example/trends/serverless/'],
    ]);
  });

  it('names a reference to an article that no longer exists', () => {
    expect(() =>
      thawItems([{ collection: 'trends', id: 'gone', change: 'new' }], entries, 'https://g.example'),
    ).toThrow('trends/gone');
  });
});

describe('the web link in the email', () => {
  it('is in both parts when given, and absent otherwise', () => {
    const week = parseIsoWeek('2026-W48');
    const withLink = composeDigest({
      week,
      siteName: 'Guide',
      siteUrl: 'https://g.example',
      items: [],
      webUrl: 'https://g.example/newsletter/archive/2026-w48/',
    });
    expect(withLink.text).toContain('Read this issue on the web: https://g.example/newsletter/archive/2026-w48/');
    expect(withLink.html).toMatch(
      /<a href="https:\/\/g\.example\/newsletter\/archive\/2026-w48\/"[^>]*>Read this issue on the web<\/a>/,
    );
    const without = composeDigest({ week, siteName: 'Guide', siteUrl: 'https://g.example', items: [] });
    expect(without.text + without.html).not.toContain('on the web');
  });
});
