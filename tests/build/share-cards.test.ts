/**
 * Every share card in the build, looked at pixel by pixel: nothing may be drawn in a band along the edges (a
 * glyph there is cut off, or nearly, where sites crop the card), and the title must be there. The cards are
 * whatever dist/client/og/ holds, so a new page or a longer title is covered without touching this file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH } from '../../src/lib/og-image';
import { OG_CACHE_DIR } from '../../src/pages/og/_render';
import { allPages, meta } from '../support/html';
import { pngSize } from '../support/png';
import { CARD_MARGIN, shareCardProblems } from '../support/share-cards';

const OG_DIR = 'dist/client/og';
const cards = readdirSync(OG_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.png'))
  .sort();

describe('share cards', () => {
  it("include every built page's og:image", () => {
    const images = allPages().map((p) => new URL(meta(p.html, 'og:image')!).pathname.replace(/^\/og\//, ''));
    expect(images.filter((image) => !cards.includes(image))).toEqual([]);
    expect(images.length).toBeGreaterThan(0);
  });

  it('were written through the share-image cache, so a rebuild with nothing changed draws none of them', () => {
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const cached = new Set(readdirSync(OG_CACHE_DIR).map((f) => sha(join(OG_CACHE_DIR, f))));
    expect(cards.filter((file) => !cached.has(sha(join(OG_DIR, file))))).toEqual([]);
  });

  it.each(cards)(`og/%s keeps ${CARD_MARGIN} px clear along every edge and shows its title`, (file) => {
    const path = join(OG_DIR, file);
    expect(pngSize(path)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect(shareCardProblems(readFileSync(path)), path).toEqual([]);
  });
});
