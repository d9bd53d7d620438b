/**
 * JSON-LD builders: pure functions that return schema.org nodes with stable `@id`s, assembled into one
 * `@graph` per page. Pages pass data; nothing here reads files or collections.
 */
export type JsonLdNode = Record<string, unknown> & { '@type': string };

export interface SiteInfo {
  /** Absolute site root, ending with "/". */
  url: string;
  name: string;
  description: string;
  logo: string;
  locale: string;
}

const idOf = (url: string, fragment: string) => `${url}#${fragment}`;

export const websiteId = (site: SiteInfo) => idOf(site.url, 'website');
export const organizationId = (site: SiteInfo) => idOf(site.url, 'organization');

/**
 * The site: described in full on its home page, where search engines look for a site's name and description, and only
 * named elsewhere (the same `@id`), which saves every other page those bytes.
 */
export function website(site: SiteInfo, { home }: { home: boolean }): JsonLdNode {
  const named = { '@type': 'WebSite', '@id': websiteId(site), url: site.url, name: site.name };
  if (!home) return named;
  return {
    ...named,
    description: site.description,
    inLanguage: site.locale,
    publisher: { '@id': organizationId(site) },
  };
}

export function organization(site: SiteInfo): JsonLdNode {
  return {
    '@type': 'Organization',
    '@id': organizationId(site),
    name: site.name,
    url: site.url,
    logo: { '@type': 'ImageObject', url: new URL(site.logo, site.url).href, width: 512, height: 512 },
  };
}

/** Crumbs from the home page to the current page, with absolute URLs. */
export function breadcrumbList(pageUrl: string, crumbs: { name: string; url: string }[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    '@id': idOf(pageUrl, 'breadcrumb'),
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

export interface ArticleInfo {
  url: string;
  headline: string;
  description: string;
  image: string;
  datePublished: Date;
  dateModified: Date;
  /** Subjects of the article, e.g. the framework's name and language. */
  keywords?: string[];
}

export function techArticle(site: SiteInfo, a: ArticleInfo): JsonLdNode {
  return {
    '@type': 'TechArticle',
    '@id': idOf(a.url, 'article'),
    url: a.url,
    mainEntityOfPage: a.url,
    headline: a.headline,
    description: a.description,
    image: a.image,
    datePublished: a.datePublished.toISOString(),
    dateModified: a.dateModified.toISOString(),
    inLanguage: site.locale,
    author: { '@id': organizationId(site) },
    publisher: { '@id': organizationId(site) },
    isPartOf: { '@id': websiteId(site) },
    ...(a.keywords?.length ? { keywords: a.keywords.join(', ') } : {}),
  };
}

/** FAQPage from the same question/answer text the page shows (answers as plain text). */
export function faqPage(pageUrl: string, items: { question: string; answer: string }[]): JsonLdNode {
  return {
    '@type': 'FAQPage',
    '@id': idOf(pageUrl, 'faq'),
    url: pageUrl,
    mainEntity: items.map((q) => ({
      '@type': 'Question',
      name: q.question,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  };
}

export function itemList(pageUrl: string, name: string, items: { name: string; url: string }[]): JsonLdNode {
  return {
    '@type': 'ItemList',
    '@id': idOf(pageUrl, 'itemlist'),
    name,
    numberOfItems: items.length,
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, url: it.url })),
  };
}

export function graph(nodes: JsonLdNode[]): { '@context': string; '@graph': JsonLdNode[] } {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/** JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so no content can close the tag. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
