/**
 * Every share card in the build, looked at pixel by pixel: nothing may be drawn in a band along the edges (a
 * glyph there is cut off, or nearly, where sites crop the card), and the title must be there. The cards are
 * whatever dist/client/og/ holds, so a new page or a longer title is covered without touching this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OG_COLORS, OG_HEIGHT, OG_WIDTH } from '../../src/lib/og-image';
import { cardProblems, decodePng } from '../support/png';
import { CARD_CHECK } from '../support/share-cards';

const OG_DIR = 'dist/client/og';
const cards = readdirSync(OG_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.png'))
  .sort();

describe('share cards', () => {
  it('exist: one per page of the build at least', () => {
    expect(cards.length).toBeGreaterThan(0);
  });

  it.each(cards)(`og/%s keeps ${CARD_CHECK.margin} px clear along every edge and shows its title`, (file) => {
    const img = decodePng(readFileSync(join(OG_DIR, file)));
    expect({ width: img.width, height: img.height }).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect(cardProblems(img, { ...CARD_CHECK, titleColor: OG_COLORS.title }), relative('.', join(OG_DIR, file))).toEqual([]);
  });
});
