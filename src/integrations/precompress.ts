/**
 * Writes a Brotli (quality 11) and a gzip (level 9) copy beside every text file of the built site, so the server
 * sends the smallest encoding without compressing per request (Brotli 11 takes ~140 ms a page; it is done once
 * here). Runs last: after the CSP is trimmed and Pagefind has written its files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { COMPRESS_MIN_BYTES, contentTypeFor } from '../lib/static-files.ts';

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
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gzipAsync(raw, { level: 9 }),
            ]);
            before += raw.length;
            after += br.length;
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
          }),
        );
        logger.info(`${files.length} files precompressed: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with Brotli`);
      },
    },
  };
}
