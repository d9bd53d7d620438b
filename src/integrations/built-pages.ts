import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The HTML files of a built site, as paths relative to its root, in a stable order. */
export const builtPages = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();

/**
 * The built site's stylesheets, by the href its pages link them with (`/_astro/….css`): none when it has no `_astro`
 * folder (a build without styles, or no build yet).
 */
export function builtStylesheets(root: string): { href: string; css: string }[] {
  const dir = join(root, '_astro');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .map((f) => ({ href: `/_astro/${f}`, css: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Runs one of the steps that rewrite every built page: `rewrite` gets each page and returns it, changed or not; only
 * changed pages are written. Returns how many changed. A failure names the step and the page.
 */
export function rewriteBuiltPages(root: string, step: string, rewrite: (html: string, file: string) => string): number {
  let changed = 0;
  for (const file of builtPages(root)) {
    const path = join(root, file);
    const html = readFileSync(path, 'utf8');
    let rewritten: string;
    try {
      rewritten = rewrite(html, file);
    } catch (error) {
      throw new Error(`${step} for ${file}: ${(error as Error).message}`, { cause: error });
    }
    if (rewritten !== html) {
      writeFileSync(path, rewritten);
      changed++;
    }
  }
  return changed;
}
