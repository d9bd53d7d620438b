import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cardProblems, decodePng, hexToRgb } from '../support/png';

const BACKGROUND = '#0b1120';
const TITLE = '#f8fafc';

/** A 200×100 card in the background colour, with rectangles painted on it. */
function card(rects: { x: number; y: number; w: number; h: number; color: string }[]) {
  const png = new PNG({ width: 200, height: 100 });
  const paint = (x: number, y: number, color: string) => {
    const [r, g, b] = hexToRgb(color);
    png.data.set([r, g, b, 255], (y * 200 + x) * 4);
  };
  for (let y = 0; y < 100; y++) for (let x = 0; x < 200; x++) paint(x, y, BACKGROUND);
  for (const { x, y, w, h, color } of rects)
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) paint(i, j, color);
  return decodePng(PNG.sync.write(png));
}
const check = { margin: 10, titleColor: TITLE, minInk: 50 };
const title = { x: 20, y: 40, w: 100, h: 20, color: TITLE };

describe('cardProblems (the pixel check behind tests/build/share-cards.test.ts)', () => {
  it('passes a card whose title sits inside the margin', () => {
    expect(cardProblems(card([title]), check)).toEqual([]);
  });

  it('names the pixels drawn in the margin band, on any edge', () => {
    expect(cardProblems(card([title, { x: 50, y: 95, w: 30, h: 5, color: TITLE }]), check)).toEqual([
      '150 pixels drawn within 10 px of the edge, from (50, 95) to (79, 99)',
    ]);
    expect(cardProblems(card([title, { x: 195, y: 0, w: 1, h: 1, color: '#1e40af' }]), check)).toEqual([
      '1 pixels drawn within 10 px of the edge, from (195, 0) to (195, 0)',
    ]);
  });

  it('fails a card without its title, or with only a sliver of it', () => {
    expect(cardProblems(card([]), check)).toEqual([
      `only 0 pixels of the title colour ${TITLE} inside the margin (expected at least 50)`,
    ]);
    expect(cardProblems(card([{ ...title, w: 4, h: 4 }]), check)).toHaveLength(1);
  });
});
