/**
 * Draws a share card: satori lays out the tree from src/lib/og-image.ts with the Inter font (from @fontsource, so
 * no glyph boxes) and reports the text block's height, which picks the type size; resvg turns the SVG into a PNG
 * (`svgToPng`). No network, no browser. It runs in worker threads (`_render.ts` keeps the pool), so plain Node loads
 * it: imports name their `.ts` files. Not a route (leading `_`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';
import satori from 'satori';
import { fitCard, OG_HEIGHT, OG_WIDTH, TEXT_KEY, type OgCard } from '../../lib/og-image.ts';

const require = createRequire(import.meta.url);

/** The font files the cards are set in: their bytes are part of every image's cache key too. */
export const FONT_FILES = ([400, 700] as const).map((weight) => ({
  weight,
  file: require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
}));

/** resvg's WebAssembly module: its bytes are part of every image's cache key too. */
export const RESVG_WASM = require.resolve('@resvg/resvg-wasm/index_bg.wasm');

let wasm: Promise<void> | undefined;

/**
 * An SVG as a PNG, by resvg compiled to WebAssembly. Its native build (@resvg/resvg-js) gives the same bytes but
 * frees each image's 3 MB of pixels only when V8 collects the wrapper, which a worker's small heap rarely does:
 * 2,000 cards took 8 GB. Here the pixels are freed as soon as the PNG is out.
 */
export async function svgToPng(svg: string | Buffer, options?: ResvgRenderOptions): Promise<Uint8Array> {
  wasm ??= initWasm(readFileSync(RESVG_WASM));
  await wasm;
  const resvg = new Resvg(svg, options);
  const image = resvg.render();
  try {
    return image.asPng();
  } finally {
    image.free();
    resvg.free();
  }
}

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** The card as a 1200×630 PNG, at the largest type size its text fits in. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  fonts ??= FONT_FILES.map(({ weight, file }) => ({
    name: 'Inter',
    data: readFileSync(file),
    weight,
    style: 'normal' as const,
  }));
  const loaded = fonts;
  const svg = await fitCard(card, async (tree) => {
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
  const png = await svgToPng(svg);
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/** The worker's task: one card in, its PNG out. */
export default renderOgImage;
