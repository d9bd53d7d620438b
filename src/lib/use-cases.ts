/**
 * The use cases a framework can be "best for". The keys are the typed vocabulary of the
 * `bestFor` frontmatter field; the labels are what readers see.
 */
export const USE_CASES = {
  'saas-startups': 'SaaS products and startups',
  'ai-and-data': 'AI and data-driven products',
  enterprise: 'Large enterprise systems',
  'rapid-web': 'Fast web development and MVPs',
  'corporate-cloud': 'Corporate and cloud environments',
  'real-time': 'Real-time apps (chat, live updates)',
  'content-sites': 'Content sites and CMS-backed platforms',
  'apis-microservices': 'APIs and microservices',
} as const;

export type UseCase = keyof typeof USE_CASES;

export const USE_CASE_KEYS = Object.keys(USE_CASES) as [UseCase, ...UseCase[]];

export function useCaseLabel(key: UseCase): string {
  return USE_CASES[key];
}
