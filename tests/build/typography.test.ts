import { describe, expect, it } from 'vitest';
import { allPages } from '../support/html';
import { readerText } from '../support/text';

/**
 * One style of apostrophe and quotation mark in what readers read: curly (’ “ ”). Text only: code (<pre>, <code>),
 * scripts (JSON-LD included) and attributes keep their straight quotes, which are syntax there.
 */
const STRAIGHT_APOSTROPHE = /\p{L}'\p{L}|\p{L}s'(?=\s|$)|(^|\s)'\d0s/u;
const STRAIGHT_QUOTES = /"/;
const STRAIGHT_SINGLE_QUOTES = /(^|[\s(])'\p{L}[^']*\p{L}'(?=[\s.,;:)]|$)/u;

describe('typography', () => {
  it.each(allPages().map((p) => [p.path, p.html] as const))(
    '%s uses curly apostrophes and quotation marks in its text',
    (path, html) => {
      const straight = readerText(html).filter(
        (t) => STRAIGHT_APOSTROPHE.test(t) || STRAIGHT_QUOTES.test(t) || STRAIGHT_SINGLE_QUOTES.test(t),
      );
      expect(straight, path).toEqual([]);
    },
  );
});

describe('typography check', () => {
  it('catches straight marks in text, not in code, scripts or attributes', () => {
    const html = `<title>It's</title><p title="a 'b'">Django's "admin"</p><p>a 'scare quote' and curly ’ “ ”</p><code>'x'</code><pre>"y"</pre><script type="application/ld+json">{"a":"it's"}</script>`;
    const flagged = readerText(html).filter(
      (t) => STRAIGHT_APOSTROPHE.test(t) || STRAIGHT_QUOTES.test(t) || STRAIGHT_SINGLE_QUOTES.test(t),
    );
    expect(flagged).toEqual(["It's", 'Django\'s "admin"', "a 'scare quote' and curly ’ “ ”"]);
  });
});
