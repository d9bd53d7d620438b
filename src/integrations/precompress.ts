/**
 * Writes a Brotli (quality 10) and a gzip (level 9) copy beside every text file of the built site, so the server
 * sends a small encoding without compressing per request. Quality 10, not 11: on an article it is 3% larger
 * (10.7 vs 10.4 KB) but 2.6 times faster (27 vs 68 ms), and this runs for every page of every build.
 * Runs last: after the CSP is trimmed and Pagefind has written its files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

/** Text files worth compressing, by extension (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest']);
export const isCompressible = (file: string): boolean => COMPRESSIBLE.has(extname(file).toLowerCase());

/** Smaller files gain less than the bytes of the Content-Encoding header and the client's work to undo it. */
export const COMPRESS_MIN_BYTES = 1024;

/** The copy written beside a file for each encoding: the names @fastify/static's `preCompressed` looks for. */
export const COPY_SUFFIX = { br: '.br', gzip: '.gz' } as const;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
          (f) => isCompressible(f) && statSync(join(root, f)).size >= COMPRESS_MIN_BYTES,
        );
        let before = 0;
        let after = 0;
        await Promise.all(
          files.map(async (f) => {
            const path = join(root, f);
            const raw = readFileSync(path);
            const [br, gz] = await Promise.all([
              brotli(raw, {
                params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
              }),
              gzipAsync(raw, { level: 9 }),
            ]);
            before += raw.length;
            after += br.length;
            await Promise.all([writeFile(path + COPY_SUFFIX.br, br), writeFile(path + COPY_SUFFIX.gzip, gz)]);
          }),
        );
        logger.info(
          `${files.length} files precompressed: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with Brotli`,
        );
      },
    },
  };
}
