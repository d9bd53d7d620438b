import { expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/html';

it('escapes what could end an element or a quoted attribute', () => {
  expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
  );
  expect(escapeHtml('&amp;')).toBe('&amp;amp;');
});
