import type { APIRoute, GetStaticPaths } from 'astro';
import { ogImagePath, type OgCard } from '../../lib/og-image';
import { shareCards } from './_cards';
import { cachedOgImage } from './_render';

/** One share image per page (see _cards.ts). */
export const getStaticPaths = (async () =>
  [...(await shareCards())].map(([path, card]) => ({
    params: { slug: ogImagePath(path).replace(/^\/og\/|\.png$/g, '') },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cachedOgImage(props['card'] as OgCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
