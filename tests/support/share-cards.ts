import { OG_COLORS } from '../../src/lib/og-image';
import { cardProblems, decodePng } from './png';

/**
 * How strictly share cards are checked. 40 px is where the larger sites start cropping or rounding the card's
 * corners; 1,000 pixels of the title colour is well under one glyph of the smallest title size times the shortest
 * title, so a card whose title went missing (or was pushed out) fails.
 */
const CARD_CHECK = { margin: 40, minInk: 1000, titleColor: OG_COLORS.title };

/** What is wrong with a share card PNG, as sentences (see cardProblems). */
export const shareCardProblems = (png: Buffer) => cardProblems(decodePng(png), CARD_CHECK);
export const CARD_MARGIN = CARD_CHECK.margin;
