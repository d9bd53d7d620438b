/**
 * What the search index reads of a built page. Astro writes HTML without whitespace between tags, and Pagefind
 * reads text as a browser would copy it without layout: a facts list came out as "LanguagePythonRuntimeCPython" and a
 * rating as "Performance5/5Kestrel…". A space after the end of every block-level element (and after a line break)
 * keeps the words of neighbouring blocks apart; inline elements are left alone, so "Django’s" stays one word.
 */
const BLOCKS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
];
const BLOCK_END = new RegExp(`</(?:${BLOCKS.join('|')})>|<br\\s*/?>`, 'gi');

export function spaceBlocks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}
