/**
 * SVG to PNG with sharp (libvips): it draws and encodes on libuv's thread pool, so the calling thread goes on and
 * both cores are used, and it frees each image's pixels as soon as the PNG is out. Plain Node loads it too
 * (scripts/make-icons.mjs). Not a route (leading `_`).
 */
import sharp from 'sharp';

// Every share image is drawn once, from its own SVG: libvips' cache of recent operations would only hold memory.
sharp.cache(false);

/**
 * zlib level 6: a card is 75 KB for 25 ms of CPU time; level 9 makes it 62 KB for 55 ms. A card is fetched once per
 * share, by the platform that shows it; the build draws one per page.
 */
const PNG_OPTIONS = { compressionLevel: 6 } as const;

/** The SVG as a PNG at its own size, or scaled to `width` pixels wide (an icon from a small SVG). */
export async function svgToPng(svg: string | Buffer, { width }: { width?: number } = {}): Promise<Buffer> {
  const image = sharp(Buffer.from(svg));
  if (width === undefined) return image.png(PNG_OPTIONS).toBuffer();
  // Drawn at the density that gives `width` pixels, not drawn small and enlarged.
  const { width: own = width } = await image.metadata();
  return sharp(Buffer.from(svg), { density: (72 * width) / own })
    .resize({ width })
    .png(PNG_OPTIONS)
    .toBuffer();
}
