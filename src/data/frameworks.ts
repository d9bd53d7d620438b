/**
 * The frameworks as pages use them: each entry of the frameworks collection with its version facts computed from
 * the release data (content/releases) for the site's day, `asOf`. The one way pages get frameworks, so no page can
 * show a version that the data does not back.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byOrder } from '../lib/order';
import type { FrameworkData, FrameworkReleases } from '../lib/framework-data';
import { versionFields } from '../lib/releases';
import { getReleaseLines } from './releases';

import { asOf } from '../site';

/** A frameworks collection entry with its release facts for `asOf`. */
export type Framework = Omit<CollectionEntry<'frameworks'>, 'data'> & { data: FrameworkData };

/** Every framework, in the guide's order, with its release facts. */
export async function getFrameworks(): Promise<Framework[]> {
  const releases = await getReleaseLines();
  const lineOf = (id: string) => {
    const found = releases.get(id);
    if (!found) throw new Error(`no release data "${id}" in content/releases`);
    return found;
  };
  return byOrder(await getCollection('frameworks')).map((entry) => {
    const framework = lineOf(entry.data.releases.framework);
    const derived: FrameworkReleases = {
      ...versionFields(framework.cycles, asOf),
      release: { framework, runtime: lineOf(entry.data.releases.runtime) },
    };
    return { ...entry, data: { ...entry.data, ...derived } };
  });
}
