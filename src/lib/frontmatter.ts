/**
 * The one frontmatter reader: a Markdown file's frontmatter block and body, and the block parsed as YAML. The
 * block is `---` on its own first line, then the YAML, then `---` on its own line; a file without it is all
 * body. Pure (text in, values out), so the disk readers, the CLI and the tests all split files the same way.
 */
import { parse } from 'yaml';

const BLOCK = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The frontmatter's YAML text (undefined when the file has no block) and the body, neither parsed. */
export function splitFrontmatter(text: string): { frontmatter: string | undefined; body: string } {
  const match = BLOCK.exec(text);
  return match
    ? { frontmatter: match[1] ?? '', body: text.slice(match[0].length) }
    : { frontmatter: undefined, body: text };
}

/**
 * The frontmatter parsed (undefined when the file has none; an empty block is `{}`) and the body. Dates stay
 * strings, as the `yaml` package reads them; the content schemas validate and convert at build time.
 */
export function parseFrontmatter(text: string): { data: Record<string, unknown> | undefined; body: string } {
  const { frontmatter, body } = splitFrontmatter(text);
  if (frontmatter === undefined) return { data: undefined, body };
  return { data: (parse(frontmatter) as Record<string, unknown> | null) ?? {}, body };
}
