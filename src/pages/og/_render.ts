/**
 * Draws a share card: satori lays out the tree from src/lib/og-image.ts with the Inter font (from @fontsource, so
 * no glyph boxes) and reports the text block's height, which picks the type size; resvg turns the SVG into a PNG.
 * No network, no browser. Drawn images are kept in a cache across builds (`cachedOgImage`). Not a route (leading `_`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fitCard, ogCacheKey, OG_HEIGHT, OG_WIDTH, TEXT_KEY, type OgCard } from '../../lib/og-image';
import layoutSource from '../../lib/og-image.ts?raw';
import renderSource from './_render.ts?raw';

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const svg = await fitCard(card, async (tree) => {
    let textHeight = 0;
    const output = await satori(tree as never, {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      fonts: loadFonts(),
      onNodeDetected: (node) => {
        if (node.key === TEXT_KEY) textHeight = node.height;
      },
    });
    return { output, textHeight };
  });
  return new Resvg(svg).render().asPng();
}

/**
 * Everything an image depends on besides its card: the layout and this drawing code, the font files and the
 * versions of satori and resvg. A change to any of them draws every image again.
 */
let digest: string | undefined;
export function rendererDigest(): string {
  if (digest) return digest;
  const hash = createHash('sha256').update(layoutSource).update(renderSource);
  for (const font of loadFonts()) hash.update(font.data);
  for (const pkg of ['satori', '@resvg/resvg-js']) hash.update(readFileSync(require.resolve(`${pkg}/package.json`)));
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
  { dir = OG_CACHE_DIR, draw = renderOgImage }: { dir?: string; draw?: (card: OgCard) => Promise<Buffer> } = {},
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
