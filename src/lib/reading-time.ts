import { splitFrontmatter } from './frontmatter.ts';

/** Words in Markdown/MDX source, ignoring frontmatter, import lines, JSX tags, code fences and URLs. */
export function countWords(source: string): number {
  const text = splitFrontmatter(source)
    .body.replace(/^import .*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, '');
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

/** Minutes to read at 230 words a minute (an adult's typical silent reading speed), at least 1. */
export function readingMinutes(words: number, wordsPerMinute = 230): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}
