/**
 * Builds the static search index with Pagefind after Astro has written the pages, so `npm run build` alone
 * produces a searchable site (no server needed). Only elements marked `data-pagefind-body` are indexed, and each page
 * is indexed with a space after every block (see src/lib/search-text.ts), so excerpts do not run words together.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { spaceBlocks } from '../lib/search-text.ts';

export function pagefind(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const files = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
        let pages = 0;
        for (const file of files) {
          // A path relative to the site, with forward slashes: Pagefind makes the result's URL from it ("faq/index.html" → "/faq/").
          const added = await index.addHTMLFile({
            sourcePath: relative(site, join(site, file)).split(sep).join('/'),
            content: spaceBlocks(await readFile(join(site, file), 'utf8')),
          });
          if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
          if (added.file) pages += 1;
        }
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        logger.info(`indexed ${pages} pages into ${site}pagefind`);
        await close();
      },
    },
  };
}
