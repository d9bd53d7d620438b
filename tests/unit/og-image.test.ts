import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cardTree,
  fitCard,
  OG_COLORS,
  OG_HEIGHT,
  OG_WIDTH,
  ogCacheKey,
  ogImageAlt,
  TEXT_KEY,
  TEXT_MAX_HEIGHT,
  TYPE_STEPS,
  type CardNode,
  type OgCard,
} from '../../src/lib/og-image';
import { svgToPng } from '../../src/pages/og/_png';
import { cachedOgImage, drawCard, layOutInWorker } from '../../src/pages/og/_render';
import { cardSvg } from '../../src/pages/og/_svg';
import { shareCardProblems } from '../support/share-cards';

const card: OgCard = {
  eyebrow: 'Head to head',
  title: 'Django vs Laravel',
  subtitle: 'Two batteries-included frameworks.',
  siteName: 'Guide',
};
const textBlock = (tree: CardNode) => (tree.props.children as CardNode[]).find((n) => n.key === TEXT_KEY)!;
const titleSize = (tree: CardNode) => (textBlock(tree).props.children as CardNode[])[1]!.props.style['fontSize'];

describe('share card layout', () => {
  it('is a 1200×630 border-box card, so its padding is inside it (satori defaults to content-box)', () => {
    const style = cardTree(card, TYPE_STEPS[0]!).props.style;
    expect(style).toMatchObject({
      boxSizing: 'border-box',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      background: OG_COLORS.background,
    });
  });

  it('takes the largest type step whose text block fits', async () => {
    const tried: unknown[] = [];
    const size = await fitCard(card, async (tree) => {
      tried.push(titleSize(tree));
      return { output: titleSize(tree), textHeight: tried.length < 3 ? TEXT_MAX_HEIGHT + 1 : TEXT_MAX_HEIGHT };
    });
    expect(tried).toEqual(TYPE_STEPS.slice(0, 3).map((s) => s.title));
    expect(size).toBe(TYPE_STEPS[2]!.title);
  });

  it('clamps lines with an ellipsis when no type step fits', async () => {
    const tree = await fitCard(card, async (t) => ({ output: t, textHeight: Infinity }));
    const [eyebrow, title, subtitle] = textBlock(tree).props.children as CardNode[];
    expect(eyebrow!.props.style['lineClamp']).toBe(1);
    expect(title!.props.style['lineClamp']).toBeGreaterThan(1);
    expect(subtitle!.props.style['lineClamp']).toBeGreaterThan(1);
  });

  it('fits the clamped step in the card whatever the text: its tallest possible text block is under the limit', () => {
    const block = textBlock(cardTree(card, TYPE_STEPS.at(-1)!));
    const lines = block.props.children as CardNode[];
    const tallest = lines.reduce(
      (sum, { props: { style } }) =>
        sum + Number(style['fontSize']) * Number(style['lineHeight']) * Number(style['lineClamp']),
      0,
    );
    expect(tallest + Number(block.props.style['gap']) * (lines.length - 1)).toBeLessThanOrEqual(TEXT_MAX_HEIGHT);
  });

  it('names the site in the brand line unless the title is the site name', () => {
    const brand = (c: OgCard) => JSON.stringify((cardTree(c, TYPE_STEPS[0]!).props.children as CardNode[])[0]);
    expect(brand(card)).toContain('"Guide"');
    expect(brand({ ...card, title: 'Guide' })).not.toContain('"Guide"');
  });
});

describe('share card alt text', () => {
  it('says what the card shows: site, title, eyebrow and subtitle', () => {
    expect(ogImageAlt(card)).toBe('Guide: Django vs Laravel (Head to head). Two batteries-included frameworks.');
    expect(
      ogImageAlt({ eyebrow: 'Backend frameworks in 2026', title: 'Which framework should I pick?', siteName: 'Guide' }),
    ).toBe('Guide: Which framework should I pick? (Backend frameworks in 2026).');
  });

  it('names the site once when the title or subtitle already does', () => {
    expect(ogImageAlt({ ...card, title: 'Guide', subtitle: 'An independent guide' })).toBe(
      'Guide (Head to head). An independent guide.',
    );
    expect(ogImageAlt({ ...card, title: 'Search', subtitle: 'Search all of the Guide.' })).toBe(
      'Search (Head to head). Search all of the Guide.',
    );
  });
});

describe('share card rendering', () => {
  it('keeps any text inside the margin: a word wider than the card, a long title and a long subtitle are wrapped, shrunk and clamped', async () => {
    const words = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => ['framework', 'supercalifragilisticexpialidocious'.repeat(3), 'and', 'throughput'][i % 4],
      ).join(' ');
    const png = await drawCard({
      eyebrow: words(20),
      title: words(40),
      subtitle: words(60),
      siteName: 'Backend Frameworks Guide',
    });
    expect(shareCardProblems(png)).toEqual([]);
  });

  it('lays out the same card in a worker thread as in the calling thread (the build lays out in workers)', async () => {
    const card = { eyebrow: 'Head to head', title: 'Django vs Laravel', siteName: 'Guide' };
    const [inWorker, here] = await Promise.all([layOutInWorker(card), cardSvg(card)]);
    expect(inWorker).toMatch(/^<svg width="1200" height="630"/);
    expect(inWorker).toBe(here);
    expect(shareCardProblems(await svgToPng(inWorker))).toEqual([]);
  });

  it('draws the same bytes from the same card, so a rebuild changes no image', async () => {
    const card = {
      eyebrow: 'Framework',
      title: 'Spring Boot',
      subtitle: 'Java, batteries included.',
      siteName: 'Guide',
    };
    const [first, second] = await Promise.all([drawCard(card), drawCard(card)]);
    expect(first.equals(second)).toBe(true);
  });

  it('scales a small SVG up to the width asked for, drawn at that size', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="15"/></svg>';
    const png = await svgToPng(svg, { width: 512 });
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});

describe('share images kept across builds', () => {
  it('are named by their card and renderer, whatever the order of the fields', () => {
    const key = ogCacheKey(card, 'r1');
    expect(
      ogCacheKey({ siteName: 'Guide', subtitle: card.subtitle, title: card.title, eyebrow: card.eyebrow }, 'r1'),
    ).toBe(key);
    expect(ogCacheKey({ ...card, subtitle: 'Another line.' }, 'r1')).not.toBe(key);
    expect(ogCacheKey(card, 'r2')).not.toBe(key);
    const { subtitle: _, ...bare } = card;
    expect(ogCacheKey({ ...bare, subtitle: undefined }, 'r1')).toBe(ogCacheKey(bare, 'r1'));
  });

  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('are drawn once: a second build with the same card reads the image, a changed card is drawn again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    const drawn: string[] = [];
    const draw = async (c: OgCard) => (drawn.push(c.title), Buffer.from(`png of ${c.title}`));
    const first = await cachedOgImage(card, { dir, draw });
    const again = await cachedOgImage(card, { dir, draw });
    expect(drawn).toEqual([card.title]);
    expect(again.equals(first)).toBe(true);
    await cachedOgImage({ ...card, title: 'Gin vs Rails' }, { dir, draw });
    expect(drawn).toEqual([card.title, 'Gin vs Rails']);
    // Written under a temporary name and renamed: no partial file stays behind.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.png'))).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('a cache it cannot write to still gives the image (the cache only saves time)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const png = await cachedOgImage(card, { dir: blocked, draw: async () => Buffer.from('png') });
    expect(png.toString()).toBe('png');
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('a failed drawing leaves nothing in the cache', async () => {
    dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    const draw = () => Promise.reject(new Error('satori failed'));
    await expect(cachedOgImage(card, { dir, draw })).rejects.toThrow('satori failed');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
