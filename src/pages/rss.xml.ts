import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { parsePairSlug } from '../lib/pairs';
import { comparePath, frameworkPath, trendPath } from '../lib/paths';
import { site } from '../site';

export async function GET(context: APIContext) {
  const frameworks = await getCollection('frameworks');
  const trends = await getCollection('trends');
  // Head-to-head pages join the feed only when they have editorial text (a `versus` entry), not for data alone.
  const versus = await getCollection('versus');
  const items = [
    ...frameworks.map((entry) => ({
      title: entry.data.name,
      description: entry.data.description,
      link: frameworkPath(entry.id),
      pubDate: entry.data.publishedAt,
      categories: ['frameworks', ...entry.data.languages],
    })),
    ...trends.map((entry) => ({
      title: entry.data.title,
      description: entry.data.summary,
      link: trendPath(entry.id),
      pubDate: entry.data.publishedAt,
      categories: ['trends'],
    })),
    ...versus.flatMap((entry) => {
      const pair = parsePairSlug(entry.id, frameworks);
      if (!pair) return [];
      return [
        {
          title: `${pair.first.data.name} vs ${pair.second.data.name}`,
          description: entry.data.summary,
          link: comparePath(entry.id),
          pubDate: entry.data.publishedAt,
          categories: ['comparisons', pair.first.data.name, pair.second.data.name],
        },
      ];
    }),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));

  return rss({
    title: site.name,
    description: site.description,
    site: context.site ?? context.url.origin,
    items,
    customData: `<language>${site.locale}</language>`,
  });
}
