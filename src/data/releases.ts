/**
 * Release facts for prose, from the releases collection and the site's day (`asOf`): the lookup the MDX tag
 * `<Release … />` and the FAQ's answers resolve against (src/lib/release-tags.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { formatDay } from '../lib/dates';
import { byOrder } from '../lib/order';
import { resolveReleaseTag, resolveReleaseTags, type ReleaseLookup } from '../lib/release-tags';
import { asOf } from '../site';

let lookup: Promise<ReleaseLookup> | undefined;

/** Release cycles by data id (`content/releases/<id>.yaml`). */
export function releaseLookup(): Promise<ReleaseLookup> {
  lookup ??= getCollection('releases').then((entries) => {
    const byId = new Map(entries.map((e) => [e.id, e.data.cycles]));
    return (id: string) => byId.get(id);
  });
  return lookup;
}

/** One tag's text for `asOf`; `where` names the page or entry in the error when the data has no answer. */
export async function releaseText(source: string, where: string): Promise<string> {
  return resolveReleaseTag(source, await releaseLookup(), asOf, formatDay, where);
}

/**
 * The FAQ in the guide's order, with every release tag in its answers replaced by its text: the page, the home
 * page's list and the FAQPage JSON-LD all read these, so visible answers and structured data say the same.
 */
export async function getFaq(): Promise<CollectionEntry<'faq'>[]> {
  const resolve = await releaseLookup();
  return byOrder(await getCollection('faq')).map((entry) => ({
    ...entry,
    data: { ...entry.data, answer: resolveReleaseTags(entry.data.answer, resolve, asOf, formatDay, `content/faq.yaml (id: ${entry.data.id})`) },
  }));
}
