/** Reads content entries straight from disk (frontmatter and YAML): for the sitemap's dates (before the content layer runs) and for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { entryIdsIn } from './entry-ids.ts';
import { parseFrontmatter } from './frontmatter.ts';

export interface MdxFile {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function readMdx(file: string, id: string): MdxFile {
  const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
  if (!data) throw new Error(`${file}: no frontmatter`);
  return { id, file, data, body };
}

export function readMdxCollection(dir: string): MdxFile[] {
  return entryIdsIn(dir).map((id) => {
    const folder = join(dir, id, 'index.mdx');
    let file = join(dir, `${id}.mdx`);
    try {
      readFileSync(folder);
      file = folder;
    } catch {
      /* a flat file entry */
    }
    return readMdx(file, id);
  });
}

export function readYamlList(file: string): Record<string, unknown>[] {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
}
