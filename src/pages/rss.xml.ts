import { getFrameworks } from '../data/frameworks';
import type { Framework } from '../data/frameworks';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { absolutizeHtml, newestItems } from '../lib/feed-html';
import { escapeHtml } from '../lib/html';
import { pairTitle, parsePairSlug } from '../lib/versus/pairs';
import { absoluteUrl, comparePath, frameworkPath, trendPath } from '../lib/paths';
import { site } from '../site';

/**
 * RSS 2.0 with the full rendered text of the newest articles (MDX components rendered to plain HTML), at most
 * `FEED_ITEM_LIMIT`: only those are rendered.
 */
export async function GET(context: APIContext) {
  const origin = context.site ?? new URL(context.url.origin);
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
  const fullText = async (entry: CollectionEntry<'frameworks' | 'trends' | 'versus'>) => {
    const { Content } = await render(entry);
    return absolutizeHtml(await container.renderToString(Content), absoluteUrl('/', origin));
  };

  const frameworks = await getFrameworks();
  const trends = await getCollection('trends');
  // Every head-to-head page has editorial text (a `versus` entry): its verdict, its "Pick A if …" lines and any longer take.
  const versus = await getCollection('versus');
  // Each item's text is rendered only if it makes the cut (`content`, called below).
  const items = newestItems([
    ...frameworks.map((entry) => ({
      title: `${entry.data.name}: who it is for in 2026`,
      description: entry.data.description,
      link: frameworkPath(entry.id),
      pubDate: entry.data.publishedAt,
      categories: ['Frameworks', ...entry.data.languages],
      content: async () => `${await fullText(entry)}<h2>Verdict</h2><p>${escapeHtml(entry.data.verdict)}</p>`,
    })),
    ...trends.map((entry) => ({
      title: entry.data.title,
      description: entry.data.summary,
      link: trendPath(entry.id),
      pubDate: entry.data.publishedAt,
      categories: ['Trends'],
      content: async () => `<p>${escapeHtml(entry.data.whyItMatters)}</p>${await fullText(entry)}`,
    })),
    ...versus.flatMap((entry) => {
      const pair = parsePairSlug(entry.id, frameworks);
      if (!pair) return [];
      return [
        {
          title: pairTitle(pair.first.data, pair.second.data),
          description: entry.data.summary,
          link: comparePath(entry.id),
          pubDate: entry.data.publishedAt,
          categories: ['Comparisons', pair.first.data.name, pair.second.data.name],
          content: async () =>
            pickHtml(entry.data.lead, [pair.first, pair.second], entry.data.pick) + (await fullText(entry)),
        },
      ];
    }),
  ]);

  return rss({
    title: site.name,
    description: site.description,
    site: origin,
    items: await Promise.all(items.map(async (item) => ({ ...item, content: await item.content() }))),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.locale}</language><atom:link href="${absoluteUrl('/rss.xml', origin)}" rel="self" type="application/rss+xml"/>`,
  });
}

/** The verdict and the "Pick A if …" lists of a head-to-head page, as on the page. */
function pickHtml(lead: string, pair: Framework[], pick: Record<string, string[]>): string {
  const list = (f: Framework) =>
    `<h2>Pick ${escapeHtml(f.data.name)} if …</h2><ul>${(pick[f.id] ?? []).map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  return `<p>${escapeHtml(lead)}</p>${pair.map(list).join('')}`;
}
