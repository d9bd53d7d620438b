import { describe, expect, it } from 'vitest';
import { versusSchema } from '../../src/content.config';
import { entryIdsIn, readEntryFile } from '../../src/content-files/entries';
import { missingVersusProblem, pickKeysProblem, sentenceCount, versusFile } from '../../src/lib/versus/editorial';
import { allPairs, pairSlug } from '../../src/lib/versus/pairs';
import { frameworkEntries } from '../support/collections';

describe('sentenceCount', () => {
  it.each([
    ['One sentence.', 1],
    ['One. Two! Three?', 3],
    ['Pick “this one.” Then that.', 2],
    ['Ends with a bracket (really.) And more.', 2],
    ['ASP.NET Core and Node.js on 5.2 are one sentence.', 1],
    ['No closing stop', 0],
    ['', 0],
  ])('%j has %i', (text, n) => expect(sentenceCount(text)).toBe(n));
});

describe('pick keys', () => {
  it('accepts exactly the two ids of the pair, in any order', () => {
    expect(pickKeysProblem('django-vs-laravel', ['django', 'laravel'])).toBeUndefined();
    expect(pickKeysProblem('spring-boot-vs-aspnet-core', ['aspnet-core', 'spring-boot'])).toBeUndefined();
  });

  it('names an unknown key and the missing one', () => {
    expect(pickKeysProblem('django-vs-laravel', ['djnago', 'laravel'])).toBe(
      'pick: unknown key "djnago", missing "django" (the keys must be the pair’s two framework ids: "django" and "laravel")',
    );
    expect(pickKeysProblem('django-vs-laravel', ['django'])).toMatch(/^pick: missing "laravel" /);
    expect(pickKeysProblem('django-vs-laravel', ['django', 'laravel', 'express'])).toMatch(
      /^pick: unknown key "express" \(/,
    );
  });
});

describe('every pair has its file', () => {
  it('names each missing file, and nothing when all are there', () => {
    expect(missingVersusProblem(['a-vs-b', 'a-vs-c'], ['a-vs-b', 'a-vs-c'])).toBeUndefined();
    expect(missingVersusProblem(['a-vs-b', 'a-vs-c', 'b-vs-c'], ['a-vs-b'])).toBe(
      'every pair of frameworks needs its editorial text; missing: content/versus/a-vs-c.mdx, content/versus/b-vs-c.mdx',
    );
    expect(versusFile('a-vs-b')).toBe('content/versus/a-vs-b.mdx');
  });
});

describe('versusSchema', () => {
  const valid = {
    summary: 'A summary that is long enough to be a meta description for the page.',
    lead: 'The first sentence of the verdict says what the two have in common and where they differ. The second one says which we would pick, and when.',
    pick: {
      alpha: ['your team already writes Alpha', 'you want the thing Alpha does well'],
      beta: ['your team writes Beta', 'you need what Beta does best'],
    },
    sources: [
      { title: 'Alpha docs', url: 'https://alpha.example/docs' },
      { title: 'Beta docs', url: 'https://beta.example/docs' },
    ],
    publishedAt: '2026-11-27',
    updatedAt: '2026-11-27',
  };
  const problems = (patch: Record<string, unknown>) => {
    const result = versusSchema.safeParse({ ...valid, ...patch });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a complete entry', () => expect(problems({})).toEqual([]));

  it('wants a lead of two or three sentences, and says how many it found', () => {
    const one =
      'A single long sentence that goes on about both frameworks for long enough to pass the length check, without ever stopping once.';
    expect(problems({ lead: one })).toEqual(['lead: write two or three sentences (found 1)']);
    expect(problems({ lead: `${valid.lead} Three. Four.` })).toEqual(['lead: write two or three sentences (found 4)']);
    expect(problems({ lead: 'Too short. Really.' })).toEqual([expect.stringMatching(/^lead: Too small/)]);
  });

  it('wants two to four pick lines a side, lower case first, no closing punctuation', () => {
    expect(problems({ pick: { ...valid.pick, alpha: ['your team already writes Alpha'] } })).toEqual([
      'pick.alpha: two to four lines per framework',
    ]);
    expect(
      problems({ pick: { ...valid.pick, beta: ['Your team writes Beta', 'you need what Beta does best'] } }),
    ).toEqual(['pick.beta.0: starts in lower case: the line completes “Pick <Name> if …”']);
    expect(
      problems({ pick: { ...valid.pick, beta: ['your team writes Beta.', 'you need what Beta does best'] } }),
    ).toEqual(['pick.beta.0: no punctuation at the end: each line is a list item']);
  });

  it('wants typographic apostrophes and quotes', () => {
    expect(
      problems({ pick: { ...valid.pick, beta: ["your team's language is Beta", 'you need what Beta does best'] } }),
    ).toEqual(['pick.beta.0: use typographic quotes and apostrophes (’ “ ”), not straight ones']);
    expect(problems({ lead: valid.lead.replace('which we', '"which" we') })).toEqual([
      'lead: use typographic quotes and apostrophes (’ “ ”), not straight ones',
    ]);
  });

  it('wants at least two https sources', () => {
    expect(problems({ sources: valid.sources.slice(0, 1) })).toEqual([expect.stringMatching(/^sources: Too small/)]);
    expect(problems({ sources: [valid.sources[0], { title: 'Plain', url: 'http://beta.example/' }] })).toEqual([
      'sources.1.url: must be an absolute https:// URL',
    ]);
  });

  it('rejects a field it does not know', () =>
    expect(problems({ verdict: 'x' })).toEqual([expect.stringMatching(/^: Unrecognized key/)]));
});

describe('the real content', () => {
  const slugs = allPairs(frameworkEntries).map(([a, b]) => pairSlug(a, b));

  it('has a versus file for every pair of frameworks, and no other', () => {
    expect(entryIdsIn('content/versus')).toEqual([...slugs].sort());
  });

  it.each(slugs)('%s passes its schema, with pick keyed by its two frameworks', (slug) => {
    const data = versusSchema.parse(readEntryFile(versusFile(slug), slug).data);
    expect(pickKeysProblem(slug, Object.keys(data.pick))).toBeUndefined();
  });
});
