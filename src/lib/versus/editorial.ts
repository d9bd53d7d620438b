/**
 * Rules for the editorial text of the head-to-head pages (`content/versus/<a>-vs-<b>.mdx`) that the schema alone
 * cannot state: how many sentences a lead has, that "Pick A if …" is keyed by the pair's own two frameworks, and
 * that every pair has its file. Pure, so the content config, the pages and the tests share them.
 */
import { PAIR_SEPARATOR } from './pairs';

/**
 * Sentences in a plain-text paragraph: each ends with ".", "!" or "?" (closing quotes or a bracket may follow)
 * before a space or the end. A full stop inside a word ("ASP.NET", "Node.js", "5.2") does not end one.
 */
export function sentenceCount(text: string): number {
  return text.trim().match(/[.!?][”’")]*(?=\s|$)/g)?.length ?? 0;
}

/** Where the versus file of a pair lives, as the error messages name it. */
export function versusFile(slug: string): string {
  return `content/versus/${slug}.mdx`;
}

/**
 * What is wrong with the keys of `pick` in the entry `slug` ("django-vs-laravel"), or undefined when they are
 * exactly the pair's two framework ids.
 */
export function pickKeysProblem(slug: string, keys: readonly string[]): string | undefined {
  const pair = slug.split(PAIR_SEPARATOR);
  const extra = keys.filter((k) => !pair.includes(k));
  const missing = pair.filter((id) => !keys.includes(id));
  if (extra.length === 0 && missing.length === 0) return undefined;
  const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(' and ');
  const parts = [
    extra.length > 0 && `unknown key ${quoted(extra)}`,
    missing.length > 0 && `missing ${quoted(missing)}`,
  ].filter(Boolean);
  return `pick: ${parts.join(', ')} (the keys must be the pair’s two framework ids: ${quoted(pair)})`;
}

/** The error for pairs with no versus file (undefined when every pair has one). */
export function missingVersusProblem(pairSlugs: readonly string[], entryIds: readonly string[]): string | undefined {
  const missing = pairSlugs.filter((slug) => !entryIds.includes(slug));
  if (missing.length === 0) return undefined;
  return `every pair of frameworks needs its editorial text; missing: ${missing.map(versusFile).join(', ')}`;
}
