import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from './frontmatter.ts';

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

/** The ids of the YAML entry files directly in `dir` (`nodejs.yaml` → "nodejs"; drafts, named `_…`, left out). */
export function yamlIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** The Markdown entry files directly in `dir` (drafts, named `_…`, left out); none when `dir` does not exist. */
export function markdownFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && name.endsWith('.md'))
    .sort();
}

/**
 * Each MDX entry in `dir` with the `order` of its frontmatter, read straight from disk, for the places that run
 * before the content layer does (astro.config.mjs, loaders). The schema still validates the field at sync time;
 * this only has to find it, and fails loudly when it cannot.
 */
export function entryOrdersIn(dir: string): { id: string; data: { order: number } }[] {
  return entryIdsIn(dir).map((id) => {
    const folder = join(dir, id, 'index.mdx');
    const file = existsSync(folder) ? folder : join(dir, `${id}.mdx`);
    const order = parseFrontmatter(readFileSync(file, 'utf8')).data?.['order'];
    if (typeof order !== 'number') throw new Error(`${file}: no "order: <number>" line in the frontmatter`);
    return { id, data: { order } };
  });
}
