/**
 * The frameworks as pages use them: each entry of the frameworks collection with its version facts computed from
 * the release data (content/releases) for the site's day, `asOf`. The one way pages get frameworks, so no page can
 * show a version that the data does not back.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byOrder } from '../lib/order';
import { versionFields, type IsoDate, type ReleaseCycle, type VersionFields } from '../lib/releases';
import { asOf } from '../site';

export type ReleaseLine = {
  /** Display name of the product, e.g. "Django", ".NET". */
  name: string;
  cycles: ReleaseCycle[];
  /** The project's support-policy page. */
  policy: string;
  /** When endoflife.date's data was last read; undefined when all of it is our own. */
  checkedAt: IsoDate | undefined;
  /** Where our overrides come from. */
  sources: string[];
};

/** What the release data says about a framework, for `asOf`. */
export type FrameworkReleases = VersionFields & { release: { framework: ReleaseLine; runtime: ReleaseLine } };

export type Framework = Omit<CollectionEntry<'frameworks'>, 'data'> & { data: CollectionEntry<'frameworks'>['data'] & FrameworkReleases };

function line(entry: CollectionEntry<'releases'>): ReleaseLine {
  const { name, cycles, policy, endoflife, overrides } = entry.data;
  return { name, cycles, policy, checkedAt: endoflife?.checkedAt, sources: [...new Set(overrides.map((o) => o.source))] };
}

/** Every framework, in the guide's order, with its release facts. */
export async function getFrameworks(): Promise<Framework[]> {
  const releases = new Map((await getCollection('releases')).map((r) => [r.id, line(r)]));
  const lineOf = (id: string) => {
    const found = releases.get(id);
    if (!found) throw new Error(`no release data "${id}" in content/releases`);
    return found;
  };
  return byOrder(await getCollection('frameworks')).map((entry) => {
    const framework = lineOf(entry.data.releases.framework);
    const derived: FrameworkReleases = { ...versionFields(framework.cycles, asOf), release: { framework, runtime: lineOf(entry.data.releases.runtime) } };
    return { ...entry, data: { ...entry.data, ...derived } };
  });
}
