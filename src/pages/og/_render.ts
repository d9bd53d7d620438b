/**
 * Share images for the build: each card is laid out in a pool of worker threads (`_svg.ts`), one per core, and
 * drawn by sharp on libuv's threads (`_png.ts`), so the images of a large site render on every core while the build
 * goes on; drawn images are kept in a cache across builds (`cachedOgImage`). Not a route (leading `_`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import Tinypool from 'tinypool';
import { ogCacheKey, type OgCard } from '../../lib/og-image';
import layoutSource from '../../lib/og-image.ts?raw';
import { svgToPng } from './_png';
import pngSource from './_png.ts?raw';
import { FONT_FILES } from './_svg';
import svgSource from './_svg.ts?raw';

const require = createRequire(import.meta.url);

/**
 * The pool starts on the first image a build draws, so a build whose images all come from the cache starts no
 * thread, and each thread ends a second after its last card: a thread holds its own heap and satori's WebAssembly
 * memory, which the rest of the build needs more. Its heap is kept small: with V8's defaults two threads grew to
 * 390 MB over 600 cards, with these limits to 270 MB, for 15% more time per card. A card needs a few MB.
 */
let pool: Tinypool | undefined;
export function layOutInWorker(card: OgCard): Promise<string> {
  pool ??= new Tinypool({
    filename: import.meta.env.OG_SVG_WORKER,
    maxThreads: availableParallelism(),
    minThreads: 0,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  });
  return pool.run(card);
}

/** The card's PNG: laid out in a worker, drawn by sharp. */
export const drawCard = async (card: OgCard): Promise<Buffer> => svgToPng(await layOutInWorker(card));

/**
 * Everything an image depends on besides its card: the layout and drawing code, the font files, and the versions of
 * satori, sharp and libvips. A change to any of them draws every image again.
 */
let digest: string | undefined;
export function rendererDigest(): string {
  if (digest) return digest;
  const hash = createHash('sha256').update(layoutSource).update(svgSource).update(pngSource);
  for (const font of FONT_FILES) hash.update(readFileSync(font.file));
  hash.update(readFileSync(require.resolve('satori/package.json'))).update(JSON.stringify(sharp.versions));
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
  { dir = OG_CACHE_DIR, draw = drawCard }: { dir?: string; draw?: (card: OgCard) => Promise<Buffer> } = {},
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
