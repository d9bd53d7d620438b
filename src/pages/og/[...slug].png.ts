import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { ogImagePath, renderOgImage, type OgCard } from '../../lib/og-image';
import { allPairs, pairSlug } from '../../lib/pairs';
import { comparePath, frameworkPath, newsletterIssuePath, trendPath } from '../../lib/paths';
import { itemCount, weekLabel, weekRange } from '../../newsletter/archive';
import { pages, site } from '../../site';
import { sentIssues } from '../newsletter/archive/_issues';

const NEWSLETTER_PATHS = ['/newsletter/', '/newsletter/check-your-inbox/', '/newsletter/confirmed/', '/newsletter/confirm/', '/newsletter/unsubscribe/'];

/** One share image per page: the static pages from src/site.ts and every collection entry. */
export const getStaticPaths = (async () => {
  const frameworks = await getCollection('frameworks');
  const trends = await getCollection('trends');
  const cards: { path: string; card: Omit<OgCard, 'siteName'> }[] = [
    ...Object.values(pages).map((p) => ({ path: p.path, card: { eyebrow: 'Backend frameworks in 2026', title: p.title } })),
    ...frameworks.map((f) => ({ path: frameworkPath(f.id), card: { eyebrow: `Framework guide · ${f.data.languages.join(', ')}`, title: f.data.name, subtitle: f.data.tagline } })),
    ...trends.map((t) => ({ path: trendPath(t.id), card: { eyebrow: 'Trend', title: t.data.title } })),
    // The newsletter's pages, including the on-demand steps (their share image is built here, statically).
    ...NEWSLETTER_PATHS.map((path) => ({ path, card: { eyebrow: 'Newsletter', title: 'The weekly newsletter' } })),
    ...(await sentIssues(import.meta.env.SITE)).map((issue) => ({
      path: newsletterIssuePath(issue.week.id),
      card: { eyebrow: 'Newsletter', title: weekLabel(issue.week), subtitle: `${weekRange(issue.week)} · ${itemCount(issue.items.length)}` },
    })),
    ...allPairs(frameworks).map(([a, b]) => ({ path: comparePath(pairSlug(a, b)), card: { eyebrow: 'Head to head', title: `${a.data.name} vs ${b.data.name}` } })),
  ];
  return cards.map(({ path, card }) => ({
    params: { slug: ogImagePath(path).replace(/^\/og\/|\.png$/g, '') },
    props: { card },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage({ ...(props['card'] as OgCard), siteName: site.name });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
