/**
 * Section links in the built articles: every heading an editor writes in an article's Markdown or MDX body (## to
 * ####) is on its page with an id and a "#" link to itself (src/lib/heading-anchors.ts), like the headings the
 * templates write. Read from each entry's source, so a new article or heading is checked without changes here.
 */
import { describe, expect, it } from 'vitest';
import { readEntryCollection } from '../../src/content-files/entries';
import { frameworkPath, trendPath } from '../../src/lib/paths';
import { decode, pageHtml } from '../support/html';

const articles = [
  ...readEntryCollection('content/frameworks').map((e) => ({ ...e, path: frameworkPath(e.id) })),
  ...readEntryCollection('content/trends').map((e) => ({ ...e, path: trendPath(e.id) })),
];

/** Letters and digits only: source and page compared past Markdown marks, entities and curly quotes. */
const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The text of the body's headings: `##`–`####` lines outside fenced code. */
function sourceHeadings(body: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of body.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{2,4} \S/.test(line)) found.push(line.replace(/^#+ /, ''));
  }
  return found;
}

describe('section links in articles', () => {
  it.each(articles)('$file: each heading of its body has an id and a link to itself', ({ body, path }) => {
    const main = /<main[\s\S]*<\/main>/.exec(pageHtml(path))![0];
    const onPage = [...main.matchAll(/<h[2-4] id="([^"]+)"[^>]*>([\s\S]*?)<\/h[2-4]>/g)].map(([, id, inner]) => ({
      id: id!,
      text: letters(decode(inner!.replace(/<a [^>]*>#<\/a>$/, '').replace(/<[^>]+>/g, ''))),
      linked: new RegExp(
        `<a href="#${id}" data-pagefind-ignore(="")? class="heading-anchor[^"]*" aria-label="Link to this section">#</a>$`,
      ).test(inner!),
    }));
    const written = sourceHeadings(body);
    expect(written.length).toBeGreaterThan(0);
    const problems = written
      .map((heading) => ({ heading, found: onPage.find((h) => h.text === letters(heading)) }))
      .filter(({ found }) => !found?.linked)
      .map(({ heading, found }) => `${heading}: ${found ? 'no link to itself' : 'not on the page'}`);
    expect(problems).toEqual([]);
  });
});
