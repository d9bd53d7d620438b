/**
 * Draws a share card: satori lays out the tree from src/lib/og-image.ts with the Inter font (from @fontsource, so
 * no glyph boxes) and reports the text block's height, which picks the type size; resvg turns the SVG into a PNG.
 * No network, no browser. Not a route (leading `_`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fitCard, OG_HEIGHT, OG_WIDTH, TEXT_KEY, type OgCard } from '../../lib/og-image';

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
