/**
 * Site settings, in one place. Every page, feed and head tag reads from here.
 * SITE_URL (the public origin) is read at build time; the default suits local use.
 */
export const SITE_URL_DEFAULT = 'http://localhost:4321';

export const site = {
  name: 'Backend Frameworks Guide',
  shortName: 'Backend Guide',
  description:
    'An independent, sourced guide to choosing a backend framework in 2026: Express, Django, Spring Boot, Laravel and ASP.NET Core compared.',
  author: { name: 'The Backend Frameworks Guide team', url: '/' },
  locale: 'en',
  themeColor: { light: '#ffffff', dark: '#0b1120' },
  nav: [
    { href: '/frameworks/', label: 'Frameworks' },
    { href: '/choose/', label: 'Choose' },
    { href: '/compare/', label: 'Compare' },
    { href: '/trends/', label: 'Trends' },
    { href: '/faq/', label: 'FAQ' },
  ],
} as const;

/** The public origin, without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env['SITE_URL']?.trim() || SITE_URL_DEFAULT;
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/+$/, '');
}
