/**
 * Share cards (one 1200×630 PNG per page) as data: where a page's card lives, what its alt text says, and its
 * layout as a satori element tree. Pure: src/pages/og/_render.ts loads the font, measures and draws.
 */

import { contentKey } from './content-key.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The card's colours; the pixel test over the built cards reads them too. */
export const OG_COLORS = {
  background: '#0b1120',
  title: '#f8fafc',
  text: '#cbd5e1',
  brand: '#93c5fd',
  mark: '#1e40af',
};

/** Where a page's share image lives: "/" → "/og/home.png", "/frameworks/django/" → "/og/frameworks/django.png". */
export function ogImagePath(pagePath: string): string {
  const slug = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${slug || 'home'}.png`;
}

export interface OgCard {
  /** Small label above the title, e.g. "Framework guide · Python". */
  eyebrow: string;
  title: string;
  subtitle?: string | undefined;
  siteName: string;
}

/** The brand line names the site unless the title already does (the home page). */
const showsSiteName = (card: OgCard) => card.title !== card.siteName;
const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/**
 * og:image:alt: what the card shows, e.g. "Backend Frameworks Guide: Django (Framework guide · Python). Python's
 * batteries-included web framework…". The brand line's site name is left out when the text already says it.
 */
export function ogImageAlt(card: OgCard): string {
  const text = [sentence(`${card.title} (${card.eyebrow})`), card.subtitle ? sentence(card.subtitle) : '']
    .filter(Boolean)
    .join(' ');
  return text.includes(card.siteName) ? text : `${card.siteName}: ${text}`;
}

/** Type sizes in px, tried in order until the text block fits; the last also clamps lines with an ellipsis, so any text fits. */
export interface TypeStep {
  title: number;
  subtitle: number;
  /** Most lines of title and subtitle before the ellipsis. */
  clamp?: { title: number; subtitle: number };
}
export const TYPE_STEPS: readonly TypeStep[] = [
  { title: 80, subtitle: 34 },
  { title: 72, subtitle: 32 },
  { title: 64, subtitle: 30 },
  { title: 56, subtitle: 28 },
  { title: 48, subtitle: 26 },
  { title: 48, subtitle: 26, clamp: { title: 3, subtitle: 3 } },
];

const LINE_HEIGHT = { eyebrow: 1.2, title: 1.1, subtitle: 1.3 };
const EYEBROW_SIZE = 28;
const PADDING = { x: 72, y: 56 };
const MARK = 44;
const GAP = 20;
/** Least space between the brand line and the text block. */
const MIN_GAP_BELOW_BRAND = 40;
/** The tallest the text block may be: the card minus its padding, the brand line and the space below it. */
export const TEXT_MAX_HEIGHT = OG_HEIGHT - 2 * PADDING.y - MARK - MIN_GAP_BELOW_BRAND;
/** The key of the text block in the tree, whose measured height decides the type step. */
export const TEXT_KEY = 'text';

export interface CardNode {
  type: 'div';
  key?: string;
  props: { style: Record<string, unknown>; children?: string | CardNode[] | undefined };
}
const div = (style: Record<string, unknown>, children?: string | CardNode[], key?: string): CardNode => ({
  type: 'div',
  ...(key ? { key } : {}),
  props: { style, children },
});
const clamp = (lines: number | undefined) => (lines ? { display: 'block', lineClamp: lines } : { display: 'flex' });

/** The card as a satori tree: brand line at the top, eyebrow, title and subtitle at the bottom, sized by `step`. */
export function cardTree(card: OgCard, step: TypeStep): CardNode {
  const { title, subtitle, clamp: lines } = step;
  return div(
    {
      // satori sizes boxes as content-box by default: the padding came on top of 1200×630 and pushed the text off the card.
      boxSizing: 'border-box',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING.y}px ${PADDING.x}px`,
      background: OG_COLORS.background,
      color: OG_COLORS.title,
      fontFamily: 'Inter',
    },
    [
      div(
        {
          display: 'flex',
          alignItems: 'center',
          gap: GAP,
          height: MARK,
          flexShrink: 0,
          fontSize: 30,
          fontWeight: 700,
          color: OG_COLORS.brand,
        },
        [
          div({ width: MARK, height: MARK, borderRadius: 10, background: OG_COLORS.mark }),
          ...(showsSiteName(card) ? [div({ display: 'flex' }, card.siteName)] : []),
        ],
      ),
      // flexShrink 0: the block keeps its natural height, so the renderer measures what the text really needs.
      // break-word: a word wider than the card wraps instead of running off it (satori 0.63 then drops the
      // ellipsis if such a word is where the clamp cuts, so the text stays inside the card, only unmarked).
      div(
        { display: 'flex', flexDirection: 'column', gap: GAP, flexShrink: 0, overflowWrap: 'break-word' },
        [
          div(
            {
              ...clamp(1),
              fontSize: EYEBROW_SIZE,
              lineHeight: LINE_HEIGHT.eyebrow,
              color: OG_COLORS.text,
              textTransform: 'uppercase',
              letterSpacing: 2,
            },
            card.eyebrow,
          ),
          div({ ...clamp(lines?.title), fontSize: title, fontWeight: 700, lineHeight: LINE_HEIGHT.title }, card.title),
          ...(card.subtitle
            ? [
                div(
                  {
                    ...clamp(lines?.subtitle),
                    fontSize: subtitle,
                    lineHeight: LINE_HEIGHT.subtitle,
                    color: OG_COLORS.text,
                  },
                  card.subtitle,
                ),
              ]
            : []),
        ],
        TEXT_KEY,
      ),
    ],
  );
}

/**
 * The card at the largest type step whose text block fits: `layout` lays out a tree (satori, in the renderer) and
 * reports the text block's height with what it produced. The last step clamps, so it is taken whatever it measures.
 */
export async function fitCard<T>(
  card: OgCard,
  layout: (tree: CardNode) => Promise<{ output: T; textHeight: number }>,
): Promise<T> {
  for (const step of TYPE_STEPS) {
    const { output, textHeight } = await layout(cardTree(card, step));
    if (step.clamp || textHeight <= TEXT_MAX_HEIGHT) return output;
  }
  throw new Error('TYPE_STEPS must end with a clamped step');
}

/**
 * The name of a card's image in the build cache: a hash of the card and of everything else the drawing depends on
 * (`rendererDigest`: the layout and drawing code, the fonts, the renderers), so an image is drawn again exactly when
 * one of them changes. Field order does not matter.
 */
export function ogCacheKey(card: OgCard, rendererDigest: string): string {
  const fields = Object.entries(card)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return contentKey([rendererDigest, JSON.stringify(fields)]);
}
