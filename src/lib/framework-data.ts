/**
 * The framework entry's data as pages get it (src/data/frameworks.ts): the content schema's output, derived from
 * the collection, plus the facts computed from the release data. Helpers pick their fields from here with
 * `FrameworkWith` instead of restating them, so a schema change reaches every one of them.
 */
import type { CollectionEntry } from 'astro:content';
import type { IsoDate, ReleaseCycle, VersionFields } from './releases';

/** One product's release data, as pages show it. */
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

/** What the release data says about a framework, for the site's day. */
export type FrameworkReleases = VersionFields & { release: { framework: ReleaseLine; runtime: ReleaseLine } };

export type FrameworkData = CollectionEntry<'frameworks'>['data'] & FrameworkReleases;

/** A framework's id and the fields a helper reads. */
export type FrameworkWith<K extends keyof FrameworkData> = { id: string } & Pick<FrameworkData, K>;
