import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourClass, defaultColourClasses, highlightLines, mergeAlike } from '../../src/lib/highlight';
import { SAMPLE_LANGUAGES, sampleExtension } from '../support/code-samples';

const css = readFileSync('src/styles/code-theme.css', 'utf8');

describe('highlightLines', () => {
  it('gives tokens colour classes, never inline styles', async () => {
    const lines = await highlightLines("const a = 'x';\n// note", 'js');
    expect(lines).toHaveLength(2);
    expect(lines[0]![0]).toEqual({ text: 'const', classes: 'l-cf222e d-ff7b72' });
    expect(
      lines
        .flat()
        .map((t) => t.text)
        .join(''),
    ).toBe("const a = 'x';// note");
  });

  it('leaves default-coloured text unclassed (the block sets that colour) and merges alike neighbours', async () => {
    const [line] = await highlightLines('foo(bar, baz);', 'js');
    expect(line).toEqual([
      { text: 'foo', classes: 'l-8250df d-d2a8ff' },
      { text: '(bar, baz);', classes: '' },
    ]);
    expect(css).toMatch(/^\.code-block \{ color: #1f2328;/m);
    expect(css).toMatch(/^\.code-block:where\(\[data-theme='dark'\] \*\) \{ color: #e6edf3;/m);
  });

  it("reads the default classes from Shiki's two-theme foreground", () => {
    expect(defaultColourClasses('#1F2328;--shiki-dark:#e6edf3')).toBe('l-1f2328 d-e6edf3');
    expect(
      mergeAlike([
        { text: 'a', classes: 'x' },
        { text: 'b', classes: 'x' },
        { text: 'c', classes: '' },
      ]),
    ).toEqual([
      { text: 'ab', classes: 'x' },
      { text: 'c', classes: '' },
    ]);
  });

  // Every article's sample, with the Shiki language the article shows it in.
  const samples = readdirSync('content/frameworks', { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .flatMap((d) =>
      readdirSync(`content/frameworks/${d.name}`)
        .filter((name) => /^sample\.[^.]+$/.test(name))
        .map((name) => `${d.name}/${name}`),
    );

  it('finds the articles’ samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(samples)('every class used by %s is defined in code-theme.css', async (file) => {
    const { lang } = SAMPLE_LANGUAGES[sampleExtension(file)];
    const lines = await highlightLines(readFileSync(`content/frameworks/${file}`, 'utf8'), lang);
    const classes = new Set(
      lines
        .flat()
        .flatMap((t) => t.classes.split(' '))
        .filter((c) => /^[ld]-/.test(c)),
    );
    // A light colour's rule is `.l-… {`; a dark one's `.d-…:where([data-theme='dark'] *) {`, as Tailwind writes dark:.
    for (const c of classes)
      expect(css, c).toMatch(new RegExp(`^\\.${c}(?: |:where\\(\\[data-theme='dark'\\] \\*\\) )\\{`, 'm'));
  });

  it('names colour classes by theme and hex', () => {
    expect(colourClass('dark', '#F97583')).toBe('d-f97583');
  });
});
