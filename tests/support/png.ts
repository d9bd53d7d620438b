import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  if (buf.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

export function decodePng(buffer: Buffer): Pixels {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

type Rgb = readonly [number, number, number];
const rgbAt = (img: Pixels, x: number, y: number): Rgb => {
  const i = (y * img.width + x) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
};
/** Largest difference of one channel: anti-aliased glyph edges differ from the background by a few units at least. */
const distance = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
export const hexToRgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/**
 * What is wrong with a share card, as sentences (empty when nothing is): any pixel in the band of `margin` px
 * along the edges that is not the background (the colour of the top-left pixel), with the box those pixels span,
 * and fewer than `minInk` pixels of the title's colour inside the band.
 */
export function cardProblems(
  img: Pixels,
  { margin, titleColor, minInk }: { margin: number; titleColor: string; minInk: number },
): string[] {
  const background = rgbAt(img, 0, 0);
  const title = hexToRgb(titleColor);
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity, count: 0 };
  let ink = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const px = rgbAt(img, x, y);
      const inBand = x < margin || y < margin || x >= img.width - margin || y >= img.height - margin;
      if (inBand && distance(px, background) > 2) {
        box.count++;
        box.left = Math.min(box.left, x);
        box.top = Math.min(box.top, y);
        box.right = Math.max(box.right, x);
        box.bottom = Math.max(box.bottom, y);
      }
      if (!inBand && distance(px, title) <= 8) ink++;
    }
  }
  const problems: string[] = [];
  if (box.count > 0)
    problems.push(
      `${box.count} pixels drawn within ${margin} px of the edge, from (${box.left}, ${box.top}) to (${box.right}, ${box.bottom})`,
    );
  if (ink < minInk)
    problems.push(
      `only ${ink} pixels of the title colour ${titleColor} inside the margin (expected at least ${minInk})`,
    );
  return problems;
}
