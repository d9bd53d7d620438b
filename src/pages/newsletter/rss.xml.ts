import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { introExcerpt, itemCount, weekLabel, weekRange } from '../../newsletter/archive';
import { KIND_LABEL } from '../../newsletter/digest';
import { escapeHtml } from '../../lib/html';
import { absoluteUrl, articlePath, NEWSLETTER_FEED_PATH, newsletterIssuePath } from '../../lib/paths';
import { pages, site } from '../../site';
import { sentIssues } from '../../data/newsletter-issues';

/** The newsletter's own feed: one item per sent issue, with its web version as the content. Valid with none. */
export async function GET(context: APIContext) {
  const origin = context.site ?? new URL(context.url.origin);
  const issues = await sentIssues(origin);
  return rss({
    title: `${site.name} newsletter`,
    description: pages.newsletterArchive.description,
    site: absoluteUrl(pages.newsletterArchive.path, origin),
    items: issues.map((issue) => ({
      title: `${site.name} newsletter, ${weekLabel(issue.week).toLowerCase()}`,
      link: newsletterIssuePath(issue.week.id),
      pubDate: issue.sentAt,
      description:
        introExcerpt(issue.intro) ?? `${weekRange(issue.week)}: ${itemCount(issue.items.length)} new or updated.`,
      content: [
        ...issue.intro.map((p) => `<p>${escapeHtml(p)}</p>`),
        issue.items.length === 0
          ? '<p>Nothing new or updated that week.</p>'
          : `<ul>${issue.items
              .map(
                (i) =>
                  `<li>${i.change === 'new' ? 'New' : 'Updated'} ${KIND_LABEL[i.kind].toLowerCase()}: <a href="${escapeHtml(absoluteUrl(articlePath(i.kind, i.id), origin))}">${escapeHtml(i.title)}</a>. ${escapeHtml(i.summary)}</li>`,
              )
              .join('')}</ul>`,
      ].join(''),
    })),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.locale}</language><atom:link href="${absoluteUrl(NEWSLETTER_FEED_PATH, origin)}" rel="self" type="application/rss+xml"/>`,
  });
}
