/** Every page of the built site, as URL paths, read from dist/client (so new pages are covered automatically). */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CLIENT = 'dist/client';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

export function sitePaths(): string[] {
  return htmlFiles(CLIENT)
    .map(
      (f) =>
        '/' +
        relative(CLIENT, f)
          .replace(/index\.html$/, '')
          .replace(/\.html$/, '/'),
    )
    .filter((p) => p !== '/404/')
    .sort();
}
