import { describe, expect, it } from 'vitest';
import { pageHtml } from '../support/html';
import { readerText } from '../support/text';

/** What the built pages say, checked as a reader reads it (text, not markup). Needs a build. */
describe('copy', () => {
  it('the home page says "best for" at most once (the cards used to repeat it as a label)', () => {
    const text = readerText(pageHtml('/')).join(' ');
    expect(text.match(/best for/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
