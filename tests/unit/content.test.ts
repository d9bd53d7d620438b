import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { faqSchema, frameworkSchema, readingSchema, releaseSchema, trendSchema } from '../../src/content.config';
import { countWords } from '../../src/lib/reading-time';
import { readEntryCollection, readYamlList } from '../../src/content-files/entries';

const frameworks = readEntryCollection('content/frameworks');
const trends = readEntryCollection('content/trends');
const faq = readYamlList('content/faq.yaml');
const reading = readYamlList('content/reading.yaml');
const frameworkIds = frameworks.map((f) => f.id);

describe('content collections', () => {
  it('has the articles the guide promises (the source covers at least five frameworks and five trends) and ten FAQ entries', () => {
    // Counts are floors, not exact: a new article must not break this test.
    expect(frameworkIds.length).toBeGreaterThanOrEqual(5);
    expect(trends.length).toBeGreaterThanOrEqual(5);
    expect(faq.length).toBeGreaterThanOrEqual(10);
    for (const id of [...frameworkIds, ...trends.map((t) => t.id)])
      expect(id, 'ids are URL slugs').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(frameworkIds).size).toBe(frameworkIds.length);
  });

  it.each(frameworks.map((f) => [f.id, f] as const))('%s passes the schema with >= 3 https sources', (_id, entry) => {
    const data = frameworkSchema.parse(entry.data);
    expect(data.sources.length).toBeGreaterThanOrEqual(3);
    for (const s of data.sources) expect(new URL(s.url).protocol).toBe('https:');
  });

  it.each(frameworks.map((f) => [f.id, f] as const))(
    '%s has 900–1,800 words (body, pros/cons and verdict)',
    (_id, entry) => {
      const data = frameworkSchema.parse(entry.data);
      const words =
        countWords(entry.body) + countWords([data.verdict, ...data.strengths, ...data.weaknesses].join(' '));
      expect(words).toBeGreaterThanOrEqual(900);
      expect(words).toBeLessThanOrEqual(1800);
    },
  );

  it('every trend and FAQ entry passes its schema and references only existing frameworks', () => {
    for (const t of trends) {
      const data = trendSchema.parse(t.data);
      for (const s of data.support) expect(frameworkIds, `${t.file}`).toContain(s.framework.id);
    }
    for (const item of faq) {
      const data = faqSchema.parse(item);
      for (const ref of data.frameworks) expect(frameworkIds, String(item['id'])).toContain(ref.id);
    }
  });

  it('further reading: every entry passes its schema, and every framework has its official tutorial', () => {
    for (const r of reading) readingSchema.parse(r);
    expect(
      reading
        .map((r) => r['framework'])
        .filter(Boolean)
        .sort(),
    ).toEqual([...frameworkIds].sort());
  });

  const releaseFiles = readdirSync('content/releases').filter((f) => f.endsWith('.yaml'));
  const releaseData = (file: string) => parse(readFileSync(`content/releases/${file}`, 'utf8'));

  it.each(releaseFiles)('release data %s passes its schema, with its cycles merged newest first', (file) => {
    const data = releaseSchema.parse(releaseData(file));
    expect(data.cycles.length).toBeGreaterThan(0);
    const dates = data.cycles.map((c) => c.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const { source: _, ...fields } of data.overrides)
      expect(
        data.cycles.find((c) => c.cycle === fields.cycle),
        `${file}: override of ${fields.cycle}`,
      ).toMatchObject(fields);
  });

  it('keeps FAQ ids unique (they are the anchors on the page)', () => {
    const ids = faq.map((f) => f['id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('broken entries are refused, naming the field', () => {
  const valid = frameworks.find((f) => f.id === 'django')!.data;
  const issuePaths = (
    data: unknown,
    schema: {
      safeParse: (d: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
    } = frameworkSchema,
  ) => {
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('release data: an override adding a line without its release date, and a date that is not one', () => {
    const dotnet = parse(readFileSync('content/releases/dotnet.yaml', 'utf8'));
    expect(
      issuePaths(
        { ...dotnet, overrides: [{ cycle: '99', eol: '2030-01-01', source: 'https://example.org/' }] },
        releaseSchema,
      ),
    ).toContain('overrides.0.releaseDate: cycle 99 is not in the endoflife data, so its override needs a releaseDate');
    expect(
      issuePaths(
        { ...dotnet, overrides: [{ cycle: '10', eol: '14 Nov 2028', source: 'https://example.org/' }] },
        releaseSchema,
      ),
    ).toContain('overrides.0.eol: must be a date like 2026-11-27');
    expect(issuePaths({ ...dotnet, overrides: [{ cycle: '10', eol: '2028-11-14' }] }, releaseSchema)).toContainEqual(
      expect.stringMatching(/^overrides.0.source: /),
    );
  });

  it('release data kept by hand (no endoflife block) says when it was last read, so the build can call it stale', () => {
    const { endoflife: _, ...handKept } = parse(readFileSync('content/releases/dotnet.yaml', 'utf8'));
    expect(issuePaths(handKept, releaseSchema)).toContain(
      'checkedAt: a file without endoflife data needs checkedAt: the day its overrides were last read from their sources',
    );
    expect(releaseSchema.safeParse({ ...handKept, checkedAt: '2026-11-28' }).success).toBe(true);
  });

  it('a missing field', () => {
    const { tagline: _, ...rest } = valid;
    expect(issuePaths(rest).join('\n')).toMatch(/^tagline: /m);
  });

  it('a bad URL', () => {
    expect(issuePaths({ ...valid, homepage: 'http://example.com' }).join('\n')).toMatch(
      /^homepage: must be an absolute https/m,
    );
  });

  it('an unknown use-case key', () => {
    expect(issuePaths({ ...valid, bestFor: ['blockchain'] }).join('\n')).toMatch(/^bestFor\.0: /m);
  });

  it('a rating of 7', () => {
    const ratings = {
      ...(valid['ratings'] as object),
      security: { score: 7, reason: 'Seven is not on a five-point scale at all.' },
    };
    expect(issuePaths({ ...valid, ratings }).join('\n')).toMatch(/^ratings\.security\.score: ratings go from 1 to 5/m);
  });

  it('an unknown key (a typo)', () => {
    expect(issuePaths({ ...valid, taglin: 'typo' }).join('\n')).toMatch(/taglin/);
  });

  it('a dangling framework reference', () => {
    const trend = trends[0]!.data;
    const support = [{ framework: 'expresso', how: 'A framework that does not exist in this guide at all.' }];
    expect(issuePaths({ ...trend, support }, trendSchema).join('\n')).toMatch(
      /^support\.0\.framework: unknown framework "expresso"/m,
    );
  });
});
