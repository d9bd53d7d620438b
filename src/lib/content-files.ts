/** Reads content entries straight from disk (frontmatter and YAML): for the sitemap's dates (before the content layer runs) and for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { entryIdsIn } from './entry-ids.ts';

export interface MdxFile {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function readMdx(file: string, id: string): MdxFile {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { id, file, data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
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
