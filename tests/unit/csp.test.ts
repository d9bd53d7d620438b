import { describe, expect, it } from 'vitest';
import { scriptHash, tightenCsp } from '../../src/lib/csp';

const page = (policy: string, body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body></body></html>`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)![1];

describe('tightenCsp', () => {
  const theme = 'document.documentElement.dataset.theme = "dark";';
  const unused = `'${scriptHash('window.island = 1')}'`;

  it('keeps only the hashes of inline scripts and styles the page has, and every other source and directive', () => {
    const html = page(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${scriptHash(theme)}' ${unused}; style-src 'self' '${scriptHash('')}' '${scriptHash('b{}')}';`,
      `<script>${theme}</script><style>b{}</style><script type="module" src="/a.js"></script>`,
    );
    expect(policyOf(tightenCsp(html))).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${scriptHash(theme)}'; style-src 'self' '${scriptHash('b{}')}';`,
    );
  });

  it('does not count data blocks such as JSON-LD as scripts', () => {
    const json = '{"@type":"Thing"}';
    const html = page(
      `script-src 'self' '${scriptHash(json)}';`,
      `<script type="application/ld+json">${json}</script>`,
    );
    expect(policyOf(tightenCsp(html))).toBe(`script-src 'self';`);
  });

  it('keeps module and classic inline scripts', () => {
    const code = 'console.log(1)';
    const html = page(`script-src 'self' '${scriptHash(code)}';`, `<script type="module">${code}</script>`);
    expect(tightenCsp(html)).toBe(html);
  });

  it('leaves a page without a CSP meta alone', () => {
    expect(tightenCsp('<p>hi</p>')).toBe('<p>hi</p>');
  });
});
