/**
 * Builds the static search index with Pagefind after Astro has written the pages, so `npm run build` alone
 * produces a searchable site (no server needed). Only elements marked `data-pagefind-body` are indexed, and each page
 * is indexed with a space after every block (see src/lib/search-text.ts), so excerpts do not run words together.
 * The index is kept across builds by a hash of exactly what Pagefind is given (and its version): a rebuild whose pages
 * did not change copies it instead of indexing again (`node_modules/.cache/pagefind`, `PAGEFIND_CACHE_DIR` moves it).
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { contentKey } from '../lib/content-key.ts';
import { spaceBlocks } from '../lib/search-text.ts';
import { builtPages } from './built-pages.ts';

const CACHE_DIR = process.env['PAGEFIND_CACHE_DIR'] ?? 'node_modules/.cache/pagefind';
/** Pagefind's package file, which pins its version and that of its indexing binary. */
const pagefindPackage = () =>
  readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8');

export function pagefind(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = `${site}pagefind`;
        const files = builtPages(site);
        // Read again for each use rather than held: at 2,000 pages the site's text is hundreds of MB in memory.
        function* inputs() {
          for (const file of files)
            yield {
              // A path relative to the site, with forward slashes: Pagefind makes the result's URL from it ("faq/index.html" → "/faq/").
              sourcePath: relative(site, join(site, file)).split(sep).join('/'),
              content: spaceBlocks(readFileSync(join(site, file), 'utf8')),
            };
        }
        function* keyParts() {
          yield pagefindPackage();
          for (const input of inputs()) yield* [input.sourcePath, input.content];
        }
        const cached = join(CACHE_DIR, contentKey(keyParts()));
        if (existsSync(join(cached, 'pagefind-entry.json'))) {
          cpSync(cached, output, { recursive: true });
          logger.info(`reused the index of these ${files.length} files (nothing Pagefind reads changed)`);
          return;
        }
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        for (const input of inputs()) {
          const added = await index.addHTMLFile(input);
          if (added.errors.length)
            throw new Error(`Pagefind could not index ${input.sourcePath}: ${added.errors.join('; ')}`);
          if (added.file) pages += 1;
        }
        const written = await index.writeFiles({ outputPath: output });
        if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        logger.info(`indexed ${pages} pages into ${output}`);
        await close();
        // One build's index is kept, copied under a temporary name and renamed, so a build stopped midway leaves no
        // half index under a real name. The cache only saves time: one it cannot keep does not fail the build.
        try {
          rmSync(CACHE_DIR, { recursive: true, force: true });
          cpSync(output, `${cached}.part`, { recursive: true });
          renameSync(`${cached}.part`, cached);
        } catch {
          try {
            rmSync(`${cached}.part`, { recursive: true, force: true });
          } catch {
            // Nothing was copied there.
          }
        }
      },
    },
  };
}
