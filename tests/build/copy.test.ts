import { describe, expect, it } from 'vitest';
import { meta, pageHtml } from '../support/html';
import { readerText } from '../support/text';

/** What the built pages say, checked as a reader reads it (text, not markup). Needs a build. */
describe('copy', () => {
  it('the home page says "best for" at most once (the cards used to repeat it as a label)', () => {
    const text = readerText(pageHtml('/')).join(' ');
    expect(text.match(/best for/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('share card text', () => {
  it('the home page card is described, not named twice: the site name once, and something the name does not already say', () => {
    const alt = meta(pageHtml('/'), 'og:image:alt')!;
    expect(alt.match(/Backend Frameworks Guide/g)).toHaveLength(1);
    expect(alt.match(/backend framework/gi)).toHaveLength(1);
    expect(alt.length).toBeGreaterThan(60);
    expect(meta(pageHtml('/'), 'twitter:image:alt')).toBe(alt);
  });
});
