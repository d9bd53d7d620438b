import { describe, expect, it } from 'vitest';
import { versusSchema } from '../../src/content.config';
import { entryIdsIn, entryOrdersIn, readEntryFile } from '../../src/content-files/entries';
import {
  allPairs,
  canonical,
  pairSlug,
  pairsWith,
  parsePairSlug,
  pickerDestination,
  relatedPairs,
  reverseRedirects,
  versusEntryId,
} from '../../src/lib/versus/pairs';
import { frameworkEntries } from '../support/collections';

const fw = (id: string, order: number) => ({ id, data: { order } });
// Deliberately not in order, with hyphenated ids and a tie on `order`.
const items = [fw('laravel', 4), fw('spring-boot', 3), fw('express', 1), fw('aspnet-core', 5), fw('django', 2)];
const byId = (id: string) => items.find((i) => i.id === id)!;
const slugs = (pairs: [{ id: string }, { id: string }][]) => pairs.map(([a, b]) => `${a.id}-vs-${b.id}`);

describe('canonical order', () => {
  it('puts the lower order first, whichever way round the pair is given', () => {
    expect(canonical(byId('laravel'), byId('django')).map((f) => f.id)).toEqual(['django', 'laravel']);
    expect(canonical(byId('django'), byId('laravel')).map((f) => f.id)).toEqual(['django', 'laravel']);
    expect(pairSlug(byId('aspnet-core'), byId('spring-boot'))).toBe('spring-boot-vs-aspnet-core');
  });

  it('breaks a tie on order by id, so it is still one order per pair', () => {
    expect(pairSlug(fw('b', 1), fw('a', 1))).toBe('a-vs-b');
    expect(pairSlug(fw('a', 1), fw('b', 1))).toBe('a-vs-b');
  });
});

describe('allPairs', () => {
  it('gives n(n-1)/2 distinct pairs, each once, canonical inside, sorted', () => {
    expect(slugs(allPairs(items))).toEqual([
      'express-vs-django',
      'express-vs-spring-boot',
      'express-vs-laravel',
      'express-vs-aspnet-core',
      'django-vs-spring-boot',
      'django-vs-laravel',
      'django-vs-aspnet-core',
      'spring-boot-vs-laravel',
      'spring-boot-vs-aspnet-core',
      'laravel-vs-aspnet-core',
    ]);
    expect(allPairs(items.slice(0, 1))).toEqual([]);
  });

  it('pairsWith lists the pairs that include one framework, by the other one', () => {
    expect(slugs(pairsWith('laravel', items))).toEqual([
      'express-vs-laravel',
      'django-vs-laravel',
      'spring-boot-vs-laravel',
      'laravel-vs-aspnet-core',
    ]);
    expect(pairsWith('nope', items)).toEqual([]);
  });

  it('relatedPairs lists the other pairs sharing a framework with the pair', () => {
    const related = slugs(relatedPairs('django', 'laravel', items));
    expect(related).toHaveLength(6);
    expect(related).not.toContain('django-vs-laravel');
    expect(related).not.toContain('express-vs-spring-boot');
  });
});

describe('parsePairSlug', () => {
  it('splits on "-vs-" so hyphenated ids survive, and says whether the slug is canonical', () => {
    const parsed = parsePairSlug('aspnet-core-vs-spring-boot', items);
    expect(parsed?.first.id).toBe('aspnet-core');
    expect(parsed?.second.id).toBe('spring-boot');
    expect(parsed?.isCanonical).toBe(false);
    expect(parsePairSlug('spring-boot-vs-aspnet-core', items)?.isCanonical).toBe(true);
  });

  it.each(['django', 'django-vs-django', 'djnago-vs-laravel', 'django-vs-laravel-vs-express', ''])(
    'refuses %j',
    (slug) => {
      expect(parsePairSlug(slug, items)).toBeUndefined();
    },
  );
});

describe('versusEntryId (the versus collection key)', () => {
  it('accepts a canonical pair file name and returns the slug', () => {
    expect(versusEntryId('content/versus/django-vs-laravel.mdx', items)).toBe('django-vs-laravel');
  });

  it.each([
    ['content/versus/djnago-vs-laravel.mdx', /djnago-vs-laravel\.mdx: unknown framework "djnago" \(known: /],
    ['content/versus/laravel-vs-django.mdx', /laravel-vs-django\.mdx: name it django-vs-laravel\.mdx/],
    ['content/versus/django-vs-django.mdx', /two different frameworks/],
    ['content/versus/django-laravel.mdx', /name the file <framework>-vs-<framework>\.mdx/],
  ])('refuses %s, saying why', (file, message) => {
    expect(() => versusEntryId(file, items)).toThrow(message);
  });
});

describe('reverse redirects', () => {
  it('maps each reversed pair to its canonical page with a 301, and never a canonical URL', () => {
    const redirects = reverseRedirects(items);
    expect(Object.keys(redirects)).toHaveLength(10);
    expect(redirects['/compare/laravel-vs-django']).toEqual({
      status: 301,
      destination: '/compare/django-vs-laravel/',
    });
    const canonicalPaths = allPairs(items).map(([a, b]) => `/compare/${pairSlug(a, b)}`);
    for (const [from, { destination }] of Object.entries(redirects)) {
      expect(canonicalPaths).not.toContain(from);
      expect(canonicalPaths.map((p) => `${p}/`)).toContain(destination);
    }
  });
});

describe('pickerDestination', () => {
  it.each([
    ['django', 'laravel', '/compare/django-vs-laravel/'],
    ['laravel', 'django', '/compare/django-vs-laravel/'],
    ['aspnet-core', 'express', '/compare/express-vs-aspnet-core/'],
    ['django', 'django', '/frameworks/django/#compare-with'],
    ['djnago', 'laravel', '/compare/#pair-picker'],
    [null, 'laravel', '/compare/#pair-picker'],
    [undefined, undefined, '/compare/#pair-picker'],
  ])('%s + %s → %s', (a, b, expected) => {
    expect(pickerDestination(a, b, items)).toBe(expected);
  });
});

describe('the real content', () => {
  // astro.config.mjs builds its redirects from these; tests/e2e/versus.spec.ts checks the server answers them.
  it('reads the same ids and orders from disk (for astro.config.mjs) as the content layer parses', () => {
    const parsed = frameworkEntries.map((f) => ({ id: f.id, data: { order: f.data.order } }));
    expect(entryOrdersIn('content/frameworks')).toEqual(parsed);
    expect(new Set(parsed.map((f) => f.data.order)).size).toBe(parsed.length);
  });

  it('every versus entry is named for a canonical pair and passes its schema', () => {
    const ids = entryIdsIn('content/versus');
    expect(ids).toContain('django-vs-laravel');
    for (const id of ids) {
      expect(versusEntryId(`${id}.mdx`, frameworkEntries)).toBe(id);
      versusSchema.parse(readEntryFile(`content/versus/${id}.mdx`, id).data);
    }
  });
});
