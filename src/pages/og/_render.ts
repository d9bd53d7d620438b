/**
 * Share images for the build: each card is drawn in a pool of worker threads (`_draw.ts`), one per core, so the
 * images of a large site render on every core while the build goes on; drawn images are kept in a cache across
 * builds (`cachedOgImage`). Not a route (leading `_`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Tinypool from 'tinypool';
import { ogCacheKey, type OgCard } from '../../lib/og-image';
import layoutSource from '../../lib/og-image.ts?raw';
import drawSource from './_draw.ts?raw';
import { FONT_FILES, RESVG_WASM } from './_draw';

const require = createRequire(import.meta.url);

/**
 * The pool starts on the first image a build draws, so a build whose images all come from the cache starts no
 * thread, and each thread ends a second after its last image: a thread holds some 100 MB (its own heap, satori's
 * and resvg's WebAssembly memory), which the rest of the build needs more.
 */
let pool: Tinypool | undefined;
export function drawInWorker(card: OgCard): Promise<Buffer> {
  pool ??= new Tinypool({
    filename: import.meta.env.OG_DRAW_WORKER,
    maxThreads: availableParallelism(),
    minThreads: 0,
    idleTimeout: 1000,
  });
  // A worker's Buffer arrives as a plain Uint8Array (structured clone); wrap it without copying.
  return pool.run(card).then((png: Uint8Array) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
}

/**
 * Everything an image depends on besides its card: the layout and drawing code, the font files, resvg's WebAssembly
 * and satori's version. A change to any of them draws every image again.
 */
let digest: string | undefined;
export function rendererDigest(): string {
  if (digest) return digest;
  const hash = createHash('sha256').update(layoutSource).update(drawSource);
  for (const file of [...FONT_FILES.map((font) => font.file), RESVG_WASM]) hash.update(readFileSync(file));
  hash.update(readFileSync(require.resolve('satori/package.json')));
  return (digest = hash.digest('hex'));
}

/** Where drawn images are kept between builds: beside the packages, so a clean clone or CI starts empty. */
export const OG_CACHE_DIR = process.env['OG_CACHE_DIR'] ?? 'node_modules/.cache/og-images';

/**
 * The card's image from the cache when one was drawn from the same inputs, else drawn and kept. A rebuild with
 * nothing changed draws nothing. Written to a temporary name and renamed, so a build stopped midway leaves no
 * half-written image under a real name.
 */
export async function cachedOgImage(
  card: OgCard,
  { dir = OG_CACHE_DIR, draw = drawInWorker }: { dir?: string; draw?: (card: OgCard) => Promise<Buffer> } = {},
): Promise<Buffer> {
  const file = join(dir, `${ogCacheKey(card, rendererDigest())}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = await draw(card);
    // The cache only saves time: an image it cannot keep (a full disk, a read-only folder) does not fail the build.
    const partial = `${file}.${process.pid}.part`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(partial, png);
      renameSync(partial, file);
    } catch {
      try {
        rmSync(partial, { force: true });
      } catch {
        // Nothing was written there.
      }
    }
    return png;
  }
}
