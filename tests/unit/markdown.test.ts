import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText } from '../../src/lib/markdown';

describe('FAQ markdown', () => {
  it('renders links and paragraphs', () => {
    expect(markdownToHtml('See [Django](/frameworks/django/).\n\nNext.')).toBe(
      '<p>See <a href="/frameworks/django/">Django</a>.</p>\n<p>Next.</p>\n',
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    expect(markdownToHtml('<script>alert(1)</script>')).not.toContain('<script>');
  });

  it('gives the same words as plain text for JSON-LD', () => {
    expect(markdownToText('Use **Django** for [Python](/x/) & data.\n\nThen scale.')).toBe(
      'Use Django for Python & data. Then scale.',
    );
  });
});

describe('plain text keeps words that start with a dot', () => {
  it('does not glue ".NET" to the word before it', () => {
    expect(markdownToText('Java and .NET work, see [ASP.NET Core](/x/).')).toBe(
      'Java and .NET work, see ASP.NET Core.',
    );
  });
});
