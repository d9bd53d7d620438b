/**
 * Writes a Brotli (quality 10) and a gzip (level 9) copy beside every text file of the built site, so the server
 * sends a small encoding without compressing per request. Quality 10, not 11: on an article it is 3% larger
 * (10.7 vs 10.4 KB) but 2.6 times faster (27 vs 68 ms), and this runs for every page of every build.
 * Runs last: after the CSP is trimmed and Pagefind has written its files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { COMPRESS_MIN_BYTES, contentTypeFor, COPY_SUFFIX } from '../lib/static-files.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
          (f) => contentTypeFor(f) && statSync(join(root, f)).size >= COMPRESS_MIN_BYTES,
        );
        let before = 0;
        let after = 0;
        await Promise.all(
          files.map(async (f) => {
            const path = join(root, f);
            const raw = readFileSync(path);
            const [br, gz] = await Promise.all([
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gzipAsync(raw, { level: 9 }),
            ]);
            before += raw.length;
            after += br.length;
            await Promise.all([writeFile(path + COPY_SUFFIX.br, br), writeFile(path + COPY_SUFFIX.gzip, gz)]);
          }),
        );
        logger.info(`${files.length} files precompressed: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with Brotli`);
      },
    },
  };
}
