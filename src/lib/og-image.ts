/**
 * Share images (1200×630 PNG) drawn at build time from a page's data: satori lays out the text as SVG with a
 * real font (Inter, from @fontsource, so no glyph boxes), resvg turns it into PNG. No network, no browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The card's colours; the pixel test over the built cards reads them too. */
export const OG_COLORS = { background: '#0b1120', title: '#f8fafc', text: '#cbd5e1', brand: '#93c5fd', mark: '#1e40af' };

/** Where a page's share image lives: "/" → "/og/home.png", "/frameworks/django/" → "/og/frameworks/django.png". */
export function ogImagePath(pagePath: string): string {
  const slug = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${slug || 'home'}.png`;
}

export interface OgCard {
  /** Small label above the title, e.g. "Framework guide". */
  eyebrow: string;
  title: string;
  subtitle?: string;
  siteName: string;
}

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

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const tree = el(
    'div',
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', paddingTop: 64, paddingBottom: 56, paddingLeft: 72, paddingRight: 72, background: OG_COLORS.background, color: OG_COLORS.title, fontFamily: 'Inter' },
    [
      el('div', { display: 'flex', alignItems: 'center', gap: '20px', fontSize: 30, fontWeight: 700, color: OG_COLORS.brand }, [
        el('div', { width: 44, height: 44, borderRadius: 10, background: OG_COLORS.mark }),
        card.siteName,
      ]),
      el('div', { display: 'flex', flexDirection: 'column', gap: '20px', maxWidth: 1056 }, [
        el('div', { fontSize: 28, color: OG_COLORS.text, textTransform: 'uppercase', letterSpacing: 2 }, card.eyebrow),
        el('div', { display: 'flex', width: '100%', fontSize: card.title.length > 40 ? 60 : 76, fontWeight: 700, lineHeight: 1.1 }, card.title),
        ...(card.subtitle ? [el('div', { display: 'flex', maxWidth: 1056, fontSize: 32, color: OG_COLORS.text, lineHeight: 1.3 }, card.subtitle)] : []),
      ]),
    ],
  );
  const svg = await satori(tree as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}
