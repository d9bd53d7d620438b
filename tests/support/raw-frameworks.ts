/**
 * The frameworks' frontmatter straight from disk, in the guide's order, for browser tests: Playwright cannot load the
 * astro:content schemas (the unit tests parse the same files through them). Only plain fields are safe to read. Their
 * strings are typeset as the content layer does (curly apostrophes and quotes), so they match what pages show.
 */
import { readEntryCollection } from '../../src/content-files/entries';
import type { FrameworkData } from '../../src/lib/framework-data';
import { typesetData } from '../../src/lib/typeset';

export const rawFrameworks = (
  readEntryCollection('content/frameworks') as unknown as { id: string; data: FrameworkData }[]
)
  .map((f) => ({ ...f, data: typesetData(f.data) }))
  .sort((a, b) => a.data.order - b.data.order);
