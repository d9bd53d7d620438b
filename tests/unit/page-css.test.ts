import { describe, expect, it } from 'vitest';
import { cssForPage, inlinePageCss, linkedStylesheets, namesInHtml, namesInScripts, withNames } from '../../src/lib/page-css';

const page = `<html><body class="flex"><main id="main"><h2 class="group scroll-mt-20">A<a class="sm:hidden w-4/5">#</a></h2><p>x</p></main></body></html>`;

describe('namesInHtml', () => {
  it('collects classes, element names and ids, with html and body always present', () => {
    const used = namesInHtml('<p class=" a  b:c "><span id="x">y</span></p>');
    expect([...used.classes]).toEqual(['a', 'b:c']);
    expect([...used.tags].sort()).toEqual(['body', 'html', 'p', 'span']);
    expect([...used.ids]).toEqual(['x']);
  });
});

describe('namesInScripts', () => {
  it('takes every word of every string literal, not identifiers', () => {
    expect(namesInScripts(`el.className='ml-2 text-sm';x.createElement("mark");const copyCode=1;t=\`a \${b} c\``).sort()).toEqual(
      ['a', 'c', 'mark', 'ml-2', 'text-sm'].sort(),
    );
  });
});

describe('cssForPage', () => {
  const used = namesInHtml(page);
  const keep = (css: string) => cssForPage(css, used);

  it.each([
    ['a used class', '.flex{display:flex}'],
    ['an escaped utility', '.w-4\\/5{width:80%}'],
    ['a used class under a media query', '@media (width>=40rem){.sm\\:hidden{display:none}}'],
    ['an element the page has', 'p{margin:0}'],
    ['a used id', '#main{outline:0}'],
    ['a :where() with one used alternative', '.flex:is(:where(.nothing,.group):hover *){opacity:1}'],
    ['attribute and state selectors', '[data-theme=dark] .flex:hover{color:red}'],
    ['a :not() of anything', '.flex:not(.nothing-uses-this){color:red}'],
    ['custom properties on :root', ':root{--a:1px}'],
  ])('keeps %s', (_, css) => {
    expect(keep(css)).not.toBe('');
  });

  it.each([
    ['an unused class', '.grid{display:grid}'],
    ['an unused class in a layer', '@layer utilities{.grid{display:grid}}'],
    ['an element the page lacks', 'table{border:0}'],
    ['an unused id', '#nav{outline:0}'],
    ['a compound with one unused class', '.flex.grid{gap:0}'],
    ['a :where() with no used alternative', ':where(.a,.b) p{margin:0}'],
  ])('drops %s', (_, css) => {
    expect(keep(css)).not.toMatch(/\{[^}]/);
  });

  it('keeps a selector list whole when one of its selectors is used, and the rules in order', () => {
    expect(keep('.grid,.flex{gap:0}.w-4\\/5{width:80%}p{margin:0}')).toBe('.grid,.flex{gap:0}.w-4\\/5{width:80%}p{margin:0}');
  });

  it('keeps the rules a script needs once its words are counted', () => {
    expect(keep('.copy-code{position:absolute}')).toBe('');
    expect(cssForPage('.copy-code{position:absolute}', withNames(used, namesInScripts(`b.className = 'copy-code'`)))).toBe('.copy-code{position:absolute}');
  });
});

describe('inlinePageCss', () => {
  const head = '<head><link rel="stylesheet" href="/_astro/toc.css"><link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="https://cdn/x.css"></head>';

  it('lists the site stylesheets in cascade order, not other links', () => {
    expect(linkedStylesheets(head)).toEqual(['/_astro/toc.css', '/_astro/site.css']);
  });

  it('puts one <style> where the first link was and removes the others', () => {
    expect(inlinePageCss(head, 'p{margin:0}')).toBe('<head><style>p{margin:0}</style><link rel="stylesheet" href="https://cdn/x.css"></head>');
  });
});
