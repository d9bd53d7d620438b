import { readdirSync } from 'node:fs';

/** The HTML files of a built site, as paths relative to its root (the steps that rewrite every page walk these). */
export const builtPages = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
