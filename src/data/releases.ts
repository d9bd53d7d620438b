/**
 * Release facts for prose, from the releases collection and the site's day (`asOf`): the lookup the MDX tag
 * `<Release … />` and the FAQ's answers resolve against (src/lib/release-tags.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { formatDay } from '../lib/dates';
import { byOrder } from '../lib/order';
import type { ReleaseLine } from '../lib/framework-data';
import { resolveReleaseTag, resolveReleaseTags, type ReleaseLookup } from '../lib/release-tags';
import { asOf } from '../site';

let lines: Promise<Map<string, ReleaseLine>> | undefined;

/** Every product's release data by id (`content/releases/<id>.yaml`), read once per build. */
export function getReleaseLines(): Promise<Map<string, ReleaseLine>> {
  lines ??= getCollection('releases').then(
    (entries) =>
      new Map(
        entries.map(({ id, data: { name, cycles, policy, checkedAt, overrides } }) => [
          id,
          {
            name,
            cycles,
            policy,
            checkedAt,
            sources: [...new Set(overrides.map((o) => o.source))],
          },
        ]),
      ),
  );
  return lines;
}

/** Release cycles by data id, for the release tags. */
export async function releaseLookup(): Promise<ReleaseLookup> {
  const byId = await getReleaseLines();
  return (id: string) => byId.get(id)?.cycles;
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
    data: {
      ...entry.data,
      answer: resolveReleaseTags(
        entry.data.answer,
        resolve,
        asOf,
        formatDay,
        `content/faq.yaml (id: ${entry.data.id})`,
      ),
    },
  }));
}
