import { describe, expect, it } from 'vitest';
import { parseEmail, parseSource, readSignupFields } from '../../src/newsletter/validation';

describe('parseEmail accepts real addresses and normalises the key', () => {
  it.each([
    ['reader@example.com', 'reader@example.com', 'reader@example.com'],
    ['  Reader.Name+news@Example.COM\t', 'Reader.Name+news@example.com', 'reader.name+news@example.com'],
    ["o'brien@sub.example.co.uk", "o'brien@sub.example.co.uk", "o'brien@sub.example.co.uk"],
    ['user@bücher.example', 'user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
    ['a@b.xn--p1ai', 'a@b.xn--p1ai', 'a@b.xn--p1ai'],
    [`${'l'.repeat(64)}@example.com`, `${'l'.repeat(64)}@example.com`, `${'l'.repeat(64)}@example.com`],
  ])('%s', (raw, address, key) => {
    expect(parseEmail(raw)).toEqual({ ok: true, value: { address, key } });
  });
});

describe('parseEmail refuses bad input with a message for the field', () => {
  it.each([
    [undefined, 'missing'],
    ['', 'empty'],
    ['   ', 'empty'],
    [`${'a'.repeat(250)}@example.com`, 'too-long'],
    [`${'a'.repeat(65)}@example.com`, 'local-too-long'],
    ['a@example.com\r\nBcc: victim@example.com', 'line-break'],
    ['a@example.com\nBcc: victim@example.com', 'line-break'],
    ['a\u0000b@example.com', 'control'],
    ['<script>alert(1)</script>@example.com', 'markup'],
    ['a@example.com<img src=x>', 'markup'],
    ['plainaddress', 'format'],
    ['@example.com', 'format'],
    ['a@', 'format'],
    ['a@@example.com', 'format'],
    ['a@b@example.com', 'format'],
    ['a@localhost', 'format'],
    ['a b@example.com', 'format'],
    ['"quoted"@example.com', 'format'],
    ['.a@example.com', 'format'],
    ['a..b@example.com', 'format'],
    ['a@-example.com', 'format'],
    ['a@example..com', 'format'],
    ['a@example.c', 'format'],
    ['a@example.123', 'format'],
    ['a@exa_mple.com', 'format'],
    ['ü@example.com', 'format'],
  ])('%j → %s', (raw, code) => {
    const result = parseEmail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ field: 'email', code });
      expect(result.error.message).toMatch(/\.$/);
    }
  });
});

describe('parseSource', () => {
  it.each(['', 'home', 'article-end', 'newsletter-page'])('accepts %j', (s) => expect(parseSource(s).ok).toBe(true));
  it.each(['Home', '<b>x</b>', 'a b', '"><script>', '-lead', 'x'.repeat(41)])('refuses %j', (s) =>
    expect(parseSource(s).ok).toBe(false),
  );
});

describe('readSignupFields', () => {
  it('reads the known fields, defaulting the optional ones and ignoring unknown ones', () => {
    expect(readSignupFields({ email: 'a@example.com', extra: 1 })).toEqual({
      ok: true,
      value: { email: 'a@example.com', source: '', website: '' },
    });
  });

  it.each([
    [{ email: ['a@example.com', 'b@example.com'] }, 'repeated', 'email'],
    [{ email: 42 }, 'not-text', 'email'],
    [{ email: { address: 'a@example.com' } }, 'not-text', 'email'],
    [{ email: 'a@example.com', source: ['a', 'b'] }, 'repeated', undefined],
    [{ email: 'a@example.com', website: true }, 'not-text', undefined],
  ])('refuses %j', (body, code, field) => {
    const result = readSignupFields(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.field]).toEqual([code, field]);
  });
});
