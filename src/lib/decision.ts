/**
 * "Which framework should I pick?" — a transparent, additive score over the collection data.
 * Every point comes with the reason shown to the reader, so the ranking can be checked by hand.
 */
import { RATING_DIMENSIONS, type RatingDimension } from './ratings';
import { useCaseLabel, type UseCase } from './use-cases';

export const LANGUAGE_FAMILIES = {
  javascript: 'JavaScript / TypeScript',
  python: 'Python',
  java: 'Java / Kotlin',
  php: 'PHP',
  csharp: 'C# / .NET',
} as const;
export type LanguageFamily = keyof typeof LANGUAGE_FAMILIES;

export const CONTEXTS = {
  startup: 'A startup or small product team',
  agency: 'An agency or freelance work',
  enterprise: 'A large enterprise',
  microsoft: 'A company built on Microsoft tools',
  learning: 'Learning on my own',
} as const;
export type Context = keyof typeof CONTEXTS;

export const HOSTING = {
  any: 'No preference',
  containers: 'Containers and Kubernetes',
  serverless: 'Serverless functions',
  azure: 'Microsoft Azure',
  'shared-php': 'Cheap shared or PHP hosting',
} as const;
export type Hosting = keyof typeof HOSTING;

export const PRIORITIES = {
  hiring: 'Hiring and job prospects',
  speed: 'Raw runtime speed',
  delivery: 'Shipping features quickly',
  security: 'Safe defaults',
  learning: 'A gentle learning curve',
} as const;
export type Priority = keyof typeof PRIORITIES;

export interface Profile {
  build: UseCase;
  languages: LanguageFamily[];
  context: Context;
  hosting: Hosting;
  priority: Priority;
}

export interface Candidate {
  id: string;
  name: string;
  order: number;
  languages: readonly string[];
  bestFor: readonly UseCase[];
  ratings: Record<RatingDimension, { score: number; reason: string }>;
  /** Trend ids (e.g. "serverless", "cloud-native") the framework supports, from the trends collection. */
  trends: readonly string[];
}

export interface Recommendation {
  id: string;
  name: string;
  score: number;
  reasons: string[];
}

/** Which family a language name from the frontmatter belongs to. */
export function languageFamily(language: string): LanguageFamily | undefined {
  const l = language.toLowerCase();
  if (l === 'javascript' || l === 'typescript') return 'javascript';
  if (l === 'python') return 'python';
  if (l === 'java' || l === 'kotlin') return 'java';
  if (l === 'php') return 'php';
  if (l === 'c#' || l === 'f#' || l === 'visual basic') return 'csharp';
  return undefined;
}

const PRIORITY_RATING: Record<Priority, RatingDimension> = {
  hiring: 'jobMarket',
  speed: 'performance',
  delivery: 'learningCurve',
  security: 'security',
  learning: 'learningCurve',
};

const CONTEXT_FIT: Record<Exclude<Context, 'learning'>, UseCase[]> = {
  startup: ['saas-startups', 'rapid-web'],
  agency: ['rapid-web', 'content-sites'],
  enterprise: ['enterprise'],
  microsoft: ['corporate-cloud'],
};

function scoreOne(c: Candidate, p: Profile): Recommendation {
  let score = 0;
  const reasons: string[] = [];
  const add = (points: number, reason: string) => {
    score += points;
    if (points > 0) reasons.push(reason);
  };

  if (c.bestFor.includes(p.build)) add(4, `A strong fit for ${useCaseLabel(p.build).toLowerCase()}.`);

  const families = new Set(c.languages.map(languageFamily));
  const known = p.languages.filter((f) => families.has(f));
  if (known.length > 0) add(3, `You already know ${known.map((f) => LANGUAGE_FAMILIES[f]).join(' and ')}.`);

  if (p.context === 'learning') {
    if (c.ratings.learningCurve.score >= 4) add(2, 'Approachable for someone learning alone.');
  } else {
    const fit = CONTEXT_FIT[p.context].find((u) => c.bestFor.includes(u));
    if (fit) add(2, `Suits ${CONTEXTS[p.context].toLowerCase()}: ${useCaseLabel(fit).toLowerCase()}.`);
    if (p.context === 'microsoft' && families.has('csharp')) add(2, 'First-party tooling across the Microsoft stack.');
  }

  if (p.hosting === 'serverless' && c.trends.includes('serverless')) add(2, 'Runs well as serverless functions.');
  if (p.hosting === 'containers' && c.trends.includes('cloud-native')) add(2, 'At home in containers and Kubernetes.');
  if (p.hosting === 'azure' && families.has('csharp')) add(2, 'Azure is built and supported by the same vendor.');
  if (p.hosting === 'shared-php' && families.has('php')) add(3, 'Runs on ordinary PHP hosting.');

  const dimension = PRIORITY_RATING[p.priority];
  const rating = c.ratings[dimension];
  add((rating.score - 3) * 1.5, `${RATING_DIMENSIONS[dimension]} ${rating.score}/5: ${rating.reason}`);

  return { id: c.id, name: c.name, score, reasons };
}

/** All candidates, best first; ties keep the guide's order. */
export function recommend(candidates: readonly Candidate[], profile: Profile): Recommendation[] {
  return candidates
    .map((c) => ({ c, r: scoreOne(c, profile) }))
    .sort((a, b) => b.r.score - a.r.score || a.c.order - b.c.order)
    .map(({ r }) => r);
}
