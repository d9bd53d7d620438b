import { describe, expect, it } from 'vitest';
import { spaceBlocks } from '../../src/lib/search-text';

describe('spaceBlocks', () => {
  it('keeps the words of neighbouring blocks apart: facts lists, table cells, list items, line breaks', () => {
    expect(spaceBlocks('<dl><dt>Language</dt><dd>Python</dd><dt>Runtime</dt><dd>CPython</dd></dl>')).toBe(
      '<dl><dt>Language</dt> <dd>Python</dd> <dt>Runtime</dt> <dd>CPython</dd> </dl> ',
    );
    expect(spaceBlocks('<tr><th>Django</th><td>Python</td></tr>')).toBe('<tr><th>Django</th> <td>Python</td> </tr> ');
    expect(spaceBlocks('<li>one</li><li>two<br>three</li>')).toBe('<li>one</li> <li>two<br> three</li> ');
  });

  it('leaves inline elements alone, so words split by markup stay whole', () => {
    const inline = '<p>Django<span>’s</span> <a href="/x">ORM</a><code>QuerySet</code><strong>s</strong></p>';
    expect(spaceBlocks(inline)).toBe(`${inline} `);
  });
});
