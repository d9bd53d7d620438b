/**
 * Head-to-head pairs of frameworks (the versus feature: /compare/<a>-vs-<b>/). Every pair has one canonical
 * order, the framework with the lower `order` first (the order of the guide's lists), so "Django vs Laravel" lives
 * at one URL and the reverse redirects to it. Works on anything shaped like a collection entry, so the pages,
 * astro.config.mjs (reading the order from disk), the pair picker's script and the tests all share it. Kept apart
 * from page.ts so the picker's script does not bundle the page's formatting.
 */
import type { FrameworkData } from '../framework-data';
import { comparePath, compareRoute, frameworkPath, href } from '../paths';

/** Anything shaped like a frameworks entry with its `order`: the collection's, or the order read from disk. */
export type Ranked = { id: string; data: Pick<FrameworkData, 'order'> };

export const PAIR_SEPARATOR = '-vs-';

/** Lower `order` first, then by id, so the result never depends on the order things were given in. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}

/** The two in canonical order. */
export function canonical<T extends Ranked>(a: T, b: T): [T, T] {
  return compareRanked(a, b) <= 0 ? [a, b] : [b, a];
}

/** "django-vs-laravel", whichever way round the two are given. */
export function pairSlug(a: Ranked, b: Ranked): string {
  const [first, second] = canonical(a, b);
  return `${first.id}${PAIR_SEPARATOR}${second.id}`;
}

/** Every unordered pair once, canonical order inside each, sorted by the first then the second framework. */
export function allPairs<T extends Ranked>(items: readonly T[]): [T, T][] {
  const sorted = [...items].sort(compareRanked);
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b): [T, T] => [a, b]));
}

/** The pairs that include `id`, ordered by the other framework. */
export function pairsWith<T extends Ranked>(id: string, items: readonly T[]): [T, T][] {
  return allPairs(items).filter(([a, b]) => a.id === id || b.id === id);
}

/** The other pairs that share a framework with the pair (a, b): where a reader of "a vs b" may go next. */
export function relatedPairs<T extends Ranked>(a: string, b: string, items: readonly T[]): [T, T][] {
  return allPairs(items).filter(
    ([x, y]) =>
      [x.id, y.id].some((id) => id === a || id === b) && !([x.id, y.id].includes(a) && [x.id, y.id].includes(b)),
  );
}

export interface ParsedPair<T> {
  first: T;
  second: T;
  /** True when the slug already names the pair in canonical order. */
  isCanonical: boolean;
}

/**
 * "laravel-vs-django" → both entries, in the slug's order. Undefined for anything that is not two different
 * known frameworks. Ids may contain hyphens ("spring-boot"), never "-vs-".
 */
export function parsePairSlug<T extends Ranked>(slug: string, items: readonly T[]): ParsedPair<T> | undefined {
  const parts = slug.split(PAIR_SEPARATOR);
  if (parts.length !== 2) return undefined;
  const first = items.find((item) => item.id === parts[0]);
  const second = items.find((item) => item.id === parts[1]);
  if (!first || !second || first === second) return undefined;
  return { first, second, isCanonical: canonical(first, second)[0] === first };
}

/**
 * The id of a `versus` entry from its file name, or an error that says what is wrong with the name: the file
 * name is the key that pairs the text with its page, so a typo must fail the build instead of hiding the text.
 */
export function versusEntryId(file: string, items: readonly Ranked[]): string {
  const slug = (file.split('/').at(-1) ?? file).replace(/\.mdx$/, '');
  const known = items.map((item) => item.id).join(', ');
  const parts = slug.split(PAIR_SEPARATOR);
  if (parts.length !== 2)
    throw new Error(`${file}: name the file <framework>-vs-<framework>.mdx (known frameworks: ${known})`);
  const unknown = parts.filter((id) => !items.some((item) => item.id === id));
  if (unknown.length > 0)
    throw new Error(`${file}: unknown framework ${unknown.map((id) => `"${id}"`).join(' and ')} (known: ${known})`);
  const pair = parsePairSlug(slug, items);
  if (!pair) throw new Error(`${file}: a comparison needs two different frameworks`);
  if (!pair.isCanonical)
    throw new Error(
      `${file}: name it ${pairSlug(pair.first, pair.second)}.mdx (lower order first, as the page URL does)`,
    );
  return slug;
}

/**
 * Astro `redirects` config: each reversed pair URL answers 301 with the canonical page. The Node adapter turns
 * these into real HTTP redirects (it switches off Astro's HTML redirect files), so nothing extra is built.
 * Keys and destinations are route paths; Astro adds `base` itself.
 */
export function reverseRedirects(items: readonly Ranked[]): Record<string, { status: 301; destination: string }> {
  return Object.fromEntries(
    allPairs(items).map(([a, b]) => [
      // The key without its slash: with trailingSlash 'ignore', Astro matches the URL either way.
      compareRoute(`${b.id}${PAIR_SEPARATOR}${a.id}`).slice(0, -1),
      { status: 301 as const, destination: compareRoute(pairSlug(a, b)) },
    ]),
  );
}

/** Anchor of the "Compare with…" list on an article; the picker sends "X vs X" there. */
export const COMPARE_WITH_ID = 'compare-with';
/** Anchor of the picker on /compare/, where incomplete or unknown choices are sent back. */
export const PICKER_ID = 'pair-picker';

/**
 * Where the picker sends the reader for two choices, in any order: the canonical pair page; for the same
 * framework twice, that framework's list of comparisons; for anything else, back to the picker.
 */
export function pickerDestination(
  a: string | null | undefined,
  b: string | null | undefined,
  items: readonly Ranked[],
): string {
  const first = items.find((item) => item.id === a);
  const second = items.find((item) => item.id === b);
  if (!first || !second) return href(`/compare/#${PICKER_ID}`);
  if (first === second) return frameworkPath(first.id) + `#${COMPARE_WITH_ID}`;
  return comparePath(pairSlug(first, second));
}

/** The h1, breadcrumb, share card and feed item: "Django vs Laravel". */
export function pairTitle(a: Pick<FrameworkData, 'name'>, b: Pick<FrameworkData, 'name'>): string {
  return `${a.name} vs ${b.name}`;
}
