import { describe, expect, it } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../src/lib/frontmatter';

describe('the frontmatter reader', () => {
  it('splits the block from the body, with LF or CRLF line ends', () => {
    expect(splitFrontmatter('---\ntitle: A\n---\nBody.\n')).toEqual({ frontmatter: 'title: A', body: 'Body.\n' });
    expect(splitFrontmatter('---\r\ntitle: A\r\n---\r\nBody.')).toEqual({ frontmatter: 'title: A', body: 'Body.' });
    expect(splitFrontmatter('---\n---\nBody.')).toEqual({ frontmatter: '', body: 'Body.' });
  });

  it('reads a file without a block as all body', () => {
    expect(splitFrontmatter('Just text.\n---\n')).toEqual({ frontmatter: undefined, body: 'Just text.\n---\n' });
    expect(parseFrontmatter('Just text.')).toEqual({ data: undefined, body: 'Just text.' });
  });

  it('parses the block as YAML, dates left as strings; an empty block is an empty object', () => {
    expect(parseFrontmatter('---\norder: 2 # second\nupdatedAt: 2026-11-27\n---\n\nBody')).toEqual({
      data: { order: 2, updatedAt: '2026-11-27' },
      body: '\nBody',
    });
    expect(parseFrontmatter('---\n---\n').data).toEqual({});
  });
});
