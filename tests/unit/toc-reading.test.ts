import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordsInEntry } from '../../src/content-files/entries';
import { neighbours } from '../../src/lib/neighbours';
import { countWords, readingMinutes } from '../../src/lib/reading-time';
import { buildToc } from '../../src/lib/toc';

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and drops other depths', () => {
    const toc = buildToc([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a-1', text: 'A.1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a-1', text: 'A.1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }])).toEqual([{ slug: 'x', text: 'X', children: [] }]);
  });
});

describe('reading time', () => {
  it('counts prose words, not imports, tags, code or URLs', () => {
    const mdx = [
      "import X from './x';",
      '## A heading here',
      'One two three [four](https://example.org/a/b) five.',
      '```js\nconst notCounted = 1;\n```',
      '<CodeSample code={sample} lang="js" file="sample.js" />',
    ].join('\n');
    expect(countWords(mdx)).toBe(8);
  });

  it('rounds to whole minutes at 230 words a minute, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(1400)).toBe(6);
  });

  it("counts an entry's words in its source file (the content layer keeps no source), and names an entry without one", () => {
    const filePath = 'content/frameworks/django/index.mdx';
    const words = wordsInEntry({ id: 'django', filePath });
    expect(words).toBe(countWords(readFileSync(filePath, 'utf8')));
    expect(words).toBeGreaterThan(500);
    expect(() => wordsInEntry({ id: 'django' })).toThrow(/^django: .*no source file/);
  });
});

describe('neighbours', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it.each([
    ['a', undefined, 'b'],
    ['b', 'a', 'c'],
    ['c', 'b', undefined],
  ])('%s: prev %s, next %s', (id, prev, next) => {
    const n = neighbours(items, id);
    expect(n.prev?.id).toBe(prev);
    expect(n.next?.id).toBe(next);
  });
});
