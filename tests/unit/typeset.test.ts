import { describe, expect, it } from 'vitest';
import { typeset, typesetData } from '../../src/lib/typeset';

describe('typeset', () => {
  it('curls apostrophes inside words, after plurals and before decades', () => {
    expect(typeset("Don't block Django's loop")).toBe('Don’t block Django’s loop');
    expect(typeset("The frameworks' ratings")).toBe('The frameworks’ ratings');
    expect(typeset("since the '90s")).toBe('since the ’90s');
  });

  it('opens and closes quotation marks', () => {
    expect(typeset('not a requirement for "AI jobs". Next')).toBe('not a requirement for “AI jobs”. Next');
    expect(typeset('"Quoted" at the start, ("in brackets")')).toBe('“Quoted” at the start, (“in brackets”)');
    expect(typeset("a 'scare quote' here")).toBe('a ‘scare quote’ here');
  });

  it('leaves code spans, and text without quotes, as they are', () => {
    expect(typeset("Use `res.json({ ok: 'yes' })` in Express's handler")).toBe(
      "Use `res.json({ ok: 'yes' })` in Express’s handler",
    );
    expect(typeset('```\nconst a = "b";\n```\nIt\'s done')).toBe('```\nconst a = "b";\n```\nIt’s done');
    expect(typeset('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
  });

  it('typesets every string of an entry, and nothing else', () => {
    const date = new Date('2026-01-01');
    expect(typesetData({ a: "it's", n: 3, d: date, list: ['x', { b: '"q"' }], url: 'https://x.test/' })).toEqual({
      a: 'it’s',
      n: 3,
      d: date,
      list: ['x', { b: '“q”' }],
      url: 'https://x.test/',
    });
  });
});
