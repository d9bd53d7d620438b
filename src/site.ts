/**
 * Site settings, in one place. Every page, feed and head tag reads from here.
 * SITE_URL (the public origin) is read at build time; the default suits local use.
 */
export const SITE_URL_DEFAULT = 'http://localhost:4321';

/**
 * The day the site describes: which release is current and what is still supported are computed for it. The day
 * of the build, unless BUILD_DATE (YYYY-MM-DD) pins it, for a reproducible build or a test.
 */
export const asOf: string = (() => {
  const pinned = process.env['BUILD_DATE'];
  if (pinned === undefined || pinned === '') return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned)))
    throw new Error(`BUILD_DATE must be a day like 2026-11-27, not "${pinned}"`);
  return pinned;
})();

export const site = {
  name: 'Backend Frameworks Guide',
  shortName: 'Backend Guide',
  description:
    'An independent, sourced guide to choosing a backend framework in 2026: the mainstream frameworks compared on sourced facts, support windows and ratings we explain.',
  /** Publisher shown in structured data and feeds. */
  organization: { name: 'Backend Frameworks Guide', logo: '/icons/icon-512.png' },
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

/**
 * Titles and descriptions of the pages that are not collection entries, in one place: the pages, their share
 * images and their structured data all read them from here.
 */
export const pages = {
  home: {
    path: '/',
    title: 'Backend Frameworks Guide',
    description:
      'An independent, sourced guide to choosing a backend framework in 2026: the mainstream frameworks compared on sourced facts, support windows and ratings we explain.',
  },
  frameworks: {
    path: '/frameworks/',
    title: 'The frameworks',
    description:
      'One sourced article per framework, each rated against a published rubric and explained: what it is for, how it performs and scales, its security defaults, ecosystem and career outlook.',
  },
  trends: {
    path: '/trends/',
    title: 'Trends shaping backend choices',
    description:
      'Microservices, serverless, cloud-native, API-first and AI-assisted development: what each means and how the frameworks here support it.',
  },
  compare: {
    path: '/compare/',
    title: 'Compare the frameworks',
    description:
      'Every framework in the guide side by side: ratings, language, best use, licence, latest version, age and how long each release is supported.',
  },
  choose: {
    path: '/choose/',
    title: 'Which framework should I pick?',
    description:
      'Five questions about your project, your languages, your team, your hosting and your priority, and a ranked recommendation with its reasons.',
  },
  benchmarks: {
    path: '/benchmarks/',
    title: 'What benchmarks can and cannot tell you',
    description:
      'What cross-framework benchmarks such as TechEmpower’s measured, why their last round is the last, and how to measure your own service instead.',
  },
  howWeRate: {
    path: '/how-we-rate/',
    title: 'How we rate',
    description:
      'What each of the six ratings measures, the checks behind it and what earns a score from 1 to 5, the same for every framework, with sources.',
  },
  faq: {
    path: '/faq/',
    title: 'Frequently asked questions',
    description:
      'Straight answers to what developers ask when choosing a backend framework: what to learn first, speed, scaling, salaries and more.',
  },
  newsletter: {
    path: '/newsletter/',
    title: 'The weekly newsletter',
    description:
      'One email a week with what changed in the guide: new and updated articles, release and support dates, and one trend explained.',
  },
  newsletterArchive: {
    path: '/newsletter/archive/',
    title: 'Newsletter archive',
    description:
      'Every weekly newsletter sent so far, newest first: the editor’s note and the new and updated framework and trend articles of each week.',
  },
  search: {
    path: '/search/',
    title: 'Search the guide',
    description: 'Search every framework article, trend and FAQ answer in the Backend Frameworks Guide.',
  },
  notFound: {
    path: '/404/',
    title: 'Page not found',
    description: 'This page does not exist. Find the framework guide you were looking for from here.',
  },
} as const;

/** The public origin, without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env['SITE_URL']?.trim() || SITE_URL_DEFAULT;
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/+$/, '');
}
