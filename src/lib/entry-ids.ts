import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ids the glob loader gives the MDX entries in `dir`: `name.mdx` → "name", `name/index.mdx` → "name".
 * Names starting with `_` are drafts and have no id.
 */
export function entryIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('_'))
    .flatMap((d) => {
      if (d.isDirectory()) return existsSync(join(dir, d.name, 'index.mdx')) ? [d.name] : [];
      return d.name.endsWith('.mdx') ? [d.name.slice(0, -'.mdx'.length)] : [];
    })
    .sort();
}
