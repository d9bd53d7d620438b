/**
 * Every page's share card, by page path: the static pages from src/site.ts, every collection entry, the
 * newsletter's pages and sent issues, and every head-to-head pair. The share images are drawn from it and each
 * page's og:image:alt is written from it, so the alt text says what the card shows. Not a route (leading `_`).
 */
import { getFrameworks } from '../../data/frameworks';
import { getCollection } from 'astro:content';
import type { OgCard } from '../../lib/og-image';
import { listText } from '../../lib/list-text';
import { byOrder } from '../../lib/order';
import { allPairs, pairSlug, pairTitle } from '../../lib/versus/pairs';
import { comparePath, frameworkPath, newsletterIssuePath, trendPath } from '../../lib/paths';
import { itemCount, weekLabel, weekRange } from '../../newsletter/archive';
import { pages, site } from '../../site';
import { sentIssues } from '../../data/newsletter-issues';

// The steps of signing up and leaving, on-demand ones included (their image is built statically all the same).
const NEWSLETTER_STEPS = [
  '/newsletter/check-your-inbox/',
  '/newsletter/confirmed/',
  '/newsletter/confirm/',
  '/newsletter/unsubscribe/',
];

/**
 * The home page's card: the site's name is its title, so the eyebrow and the line below say something else (the
 * generic eyebrow, "Backend frameworks in 2026", made the card and its alt text repeat the name). The frameworks are
 * named in the subtitle, which wraps: at nine their names no longer fit the one-line eyebrow.
 */
const homeCard = (names: string[]) => ({
  eyebrow: `${names.length} frameworks, side by side`,
  title: site.name,
  subtitle: `${listText(names)}: facts we could source, ratings we explain, and a helper that ranks them for you.`,
});

/** "Python or Java, Kotlin", or the languages once when both sides share them ("JavaScript, TypeScript"). */
function pairLanguages(a: string[], b: string[]): string {
  const same = a.length === b.length && a.every((l) => b.includes(l));
  return same ? a.join(', ') : `${a.join(', ')} or ${b.join(', ')}`;
}

/**
 * Every page's card, by path. Every page asks for its own (BaseLayout), so a build works the map out once: per page,
 * it made a site of 2,000 trends quadratic (2,064 pages × 2,066 cards). `astro dev` works it out afresh each time,
 * so an edited entry shows at once.
 */
let built: Promise<Map<string, OgCard>> | undefined;
export function shareCards(): Promise<Map<string, OgCard>> {
  if (import.meta.env.DEV) return allShareCards();
  built ??= allShareCards();
  return built;
}

async function allShareCards(): Promise<Map<string, OgCard>> {
  const frameworks = await getFrameworks();
  const trends = await getCollection('trends');
  const versus = await getCollection('versus');
  const staticPages = [...Object.values(pages), ...NEWSLETTER_STEPS.map((path) => ({ ...pages.newsletter, path }))];
  const cards: { path: string; card: Omit<OgCard, 'siteName'> }[] = [
    ...staticPages.map((p) => ({
      path: p.path,
      card:
        p.path === '/'
          ? homeCard(byOrder(frameworks).map((f) => f.data.name))
          : {
              eyebrow: p.path.startsWith('/newsletter/') ? 'Newsletter' : 'Backend frameworks in 2026',
              title: p.title,
              subtitle: p.description,
            },
    })),
    ...frameworks.map((f) => ({
      path: frameworkPath(f.id),
      card: {
        eyebrow: `Framework guide · ${f.data.languages.join(', ')}`,
        title: f.data.name,
        subtitle: f.data.tagline,
      },
    })),
    ...trends.map((t) => ({
      path: trendPath(t.id),
      card: { eyebrow: 'Trend', title: t.data.title, subtitle: t.data.summary },
    })),
    ...(await sentIssues(import.meta.env.SITE)).map((issue) => ({
      path: newsletterIssuePath(issue.week.id),
      card: {
        eyebrow: 'Newsletter',
        title: weekLabel(issue.week),
        subtitle: `${weekRange(issue.week)} · ${itemCount(issue.items.length)}`,
      },
    })),
    ...allPairs(frameworks).map(([a, b]) => ({
      path: comparePath(pairSlug(a, b)),
      card: {
        eyebrow: `Head to head · ${pairLanguages(a.data.languages, b.data.languages)}`,
        title: pairTitle(a.data, b.data),
        subtitle: versus.find((v) => v.id === pairSlug(a, b))?.data.summary,
      },
    })),
  ];
  return new Map(cards.map(({ path, card }) => [path, { ...card, siteName: site.name }]));
}
