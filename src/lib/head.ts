/**
 * The page's head tags as data, built by a pure function so they can be unit-tested;
 * BaseHead.astro only maps over the result.
 */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

export interface PageMeta {
  /** Page title without the site name. */
  title: string;
  description: string;
  /** The page's path, e.g. "/frameworks/django/". */
  path: string;
  /** "website" for pages, "article" for articles. */
  type?: 'website' | 'article';
  /** Path or absolute URL of the share image. */
  image?: { src: string; alt: string; width: number; height: number };
  publishedAt?: Date;
  updatedAt?: Date;
  /** Keep this page out of search engines (e.g. the 404 page). */
  noindex?: boolean;
}

export interface SiteMeta {
  name: string;
  /** Absolute origin (and base) of the site. */
  url: string;
  locale: string;
}

/** "Django — Backend Frameworks Guide"; the home page uses the site name alone. */
export function pageTitle(title: string, siteName: string): string {
  return title === siteName ? siteName : `${title} — ${siteName}`;
}

export function buildHeadTags(page: PageMeta, siteMeta: SiteMeta): HeadTag[] {
  const abs = (p: string) => new URL(p, siteMeta.url.endsWith('/') ? siteMeta.url : `${siteMeta.url}/`).href;
  const canonical = abs(page.path.replace(/^\//, ''));
  const title = pageTitle(page.title, siteMeta.name);
  const meta = (key: 'name' | 'property', k: string, content: string): HeadTag => ({
    tag: 'meta',
    attrs: { [key]: k, content },
  });

  const tags: HeadTag[] = [
    meta('name', 'description', page.description),
    { tag: 'link', attrs: { rel: 'canonical', href: canonical } },
    meta('property', 'og:type', page.type ?? 'website'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', canonical),
    meta('property', 'og:site_name', siteMeta.name),
    meta('property', 'og:locale', siteMeta.locale === 'en' ? 'en_GB' : siteMeta.locale),
    meta('name', 'twitter:card', page.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', page.description),
  ];
  if (page.image) {
    const src = abs(page.image.src.replace(/^\//, ''));
    tags.push(
      meta('property', 'og:image', src),
      meta('property', 'og:image:width', String(page.image.width)),
      meta('property', 'og:image:height', String(page.image.height)),
      meta('property', 'og:image:alt', page.image.alt),
      meta('name', 'twitter:image', src),
      meta('name', 'twitter:image:alt', page.image.alt),
    );
  }
  if (page.type === 'article') {
    if (page.publishedAt) tags.push(meta('property', 'article:published_time', page.publishedAt.toISOString()));
    if (page.updatedAt) tags.push(meta('property', 'article:modified_time', page.updatedAt.toISOString()));
  }
  if (page.noindex) tags.push(meta('name', 'robots', 'noindex'));
  // No rel="sitemap" link: it is not a registered link type, and robots.txt names the sitemap for crawlers.
  tags.push({
    tag: 'link',
    attrs: { rel: 'alternate', type: 'application/rss+xml', title: `${siteMeta.name} (RSS)`, href: abs('rss.xml') },
  });
  return tags;
}
