/**
 * Lays out a share card as SVG: satori sets the tree from src/lib/og-image.ts in the Inter font (from @fontsource,
 * so no glyph boxes) and reports the text block's height, which picks the type size. No network, no browser. It runs
 * in worker threads (`_render.ts` keeps the pool), so plain Node loads it: imports name their `.ts` files. Not a
 * route (leading `_`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { fitCard, OG_HEIGHT, OG_WIDTH, TEXT_KEY, type OgCard } from '../../lib/og-image.ts';

const require = createRequire(import.meta.url);

/** The font files the cards are set in: their bytes are part of every image's cache key too. */
export const FONT_FILES = ([400, 700] as const).map((weight) => ({
  weight,
  file: require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
}));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** The card as a 1200×630 SVG, at the largest type size its text fits in. */
export function cardSvg(card: OgCard): Promise<string> {
  fonts ??= FONT_FILES.map(({ weight, file }) => ({
    name: 'Inter',
    data: readFileSync(file),
    weight,
    style: 'normal' as const,
  }));
  const loaded = fonts;
  return fitCard(card, async (tree) => {
    let textHeight = 0;
    const output = await satori(tree as never, {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      fonts: loaded,
      onNodeDetected: (node) => {
        if (node.key === TEXT_KEY) textHeight = node.height;
      },
    });
    return { output, textHeight };
  });
}

/** The worker's task: one card in, its SVG out. */
export default cardSvg;
