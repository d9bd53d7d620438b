/**
 * A Markdown file's frontmatter block and body, split without parsing either: `---` on its own first line,
 * then the YAML, then `---` on its own line. A file without that block is all body.
 */
const BLOCK = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(text: string): { frontmatter: string | undefined; body: string } {
  const match = BLOCK.exec(text);
  return match
    ? { frontmatter: match[1] ?? '', body: text.slice(match[0].length) }
    : { frontmatter: undefined, body: text };
}
