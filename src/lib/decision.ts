/**
 * "Which framework should I pick?": a transparent, additive score over the collection data. Every question is
 * optional; every answer adds points to some frameworks and not to others (a unit test holds every answer to it
 * over the real content), and every point comes with the sentence the reader sees beside it.
 */
import type { FrameworkWith } from './framework-data';
import { listText } from './list-text';
import { midSentence } from './mid-sentence';
import { RATING_DIMENSIONS, type RatingDimension } from './ratings';
import { USE_CASES, useCaseLabel, type UseCase } from './use-cases';

export const LANGUAGE_FAMILIES = {
  javascript: 'JavaScript / TypeScript',
  python: 'Python',
  java: 'Java / Kotlin',
  php: 'PHP',
  csharp: 'C# / .NET',
  go: 'Go',
  ruby: 'Ruby',
} as const;
export type LanguageFamily = keyof typeof LANGUAGE_FAMILIES;

export const CONTEXTS = {
  startup: 'At a startup or on a small product team',
  agency: 'At an agency or as a freelancer',
  enterprise: 'At a large enterprise',
  microsoft: 'At a company built on Microsoft tools',
  learning: 'On my own, learning',
} as const;
export type Context = keyof typeof CONTEXTS;

/** For each workplace, the use cases (from the articles' bestFor) that suit it, and how the reason says so. */
const CONTEXT_FITS: Record<Exclude<Context, 'learning'>, { suits: string; fits: readonly UseCase[] }> = {
  startup: { suits: 'Suits a startup or small product team', fits: ['saas-startups', 'rapid-web'] },
  agency: { suits: 'Suits agency and freelance work', fits: ['rapid-web', 'content-sites'] },
  enterprise: { suits: 'Suits a large enterprise', fits: ['enterprise', 'corporate-cloud'] },
  microsoft: { suits: 'Suits a company built on Microsoft tools', fits: ['corporate-cloud'] },
};

/**
 * Only hosting that favours some frameworks over others: our trend articles list every framework as running in
 * containers and as serverless functions, so asking about those would add the same points to all of them.
 */
export const HOSTING = {
  azure: 'Microsoft Azure',
  'shared-php': 'Cheap shared or PHP hosting',
} as const;
export type Hosting = keyof typeof HOSTING;

/** What the reader told us. Every question is optional; an unanswered one adds nothing. */
export interface Profile {
  build?: UseCase | undefined;
  languages: LanguageFamily[];
  context?: Context | undefined;
  hosting?: Hosting | undefined;
  /** The rating that matters most: its score moves the ranking. */
  priority?: RatingDimension | undefined;
}

/** Points for the priority: a rating of 3 is neutral, each step above or below moves the framework by 2. */
export const priorityPoints = (score: number): number => (score - 3) * 2;

/** The priority question's hint: how its points work; the page links it to the rubric (src/lib/rubric.ts). */
const PRIORITY_HINT = `Every score from 1 to 5 is given against the same checks for every framework. A 3 adds no points; each step above or below it moves a framework by ${priorityPoints(4)} points.`;

/** The questions in the order the helper asks them; `name` is the form field and the query-string key. */
export const QUESTIONS = [
  { name: 'build', legend: 'What are you building?', multiple: false, options: USE_CASES },
  {
    name: 'languages',
    legend: 'Which languages do you already know?',
    hint: 'Tick all that apply.',
    multiple: true,
    options: LANGUAGE_FAMILIES,
  },
  { name: 'context', legend: 'Where will you work on it?', multiple: false, options: CONTEXTS },
  {
    name: 'hosting',
    legend: 'Where will it run?',
    hint: 'Skip this if neither applies: our trend articles list every framework here as running in containers and as serverless functions, so those would not change the ranking.',
    multiple: false,
    options: HOSTING,
  },
  {
    name: 'priority',
    legend: 'Which rating matters most to you?',
    hint: PRIORITY_HINT,
    multiple: false,
    options: RATING_DIMENSIONS,
  },
] as const satisfies readonly {
  name: keyof Profile;
  legend: string;
  hint?: string;
  multiple: boolean;
  options: Record<string, string>;
}[];

/**
 * A framework as the helper scores it. `meanings` is what each of its scores means in the rubric's words (see
 * src/lib/candidates.ts): computed where the rubric is, so the page's script does not carry the whole rubric.
 */
export type Candidate = FrameworkWith<'name' | 'order' | 'languages' | 'bestFor' | 'ratings'> & {
  meanings?: Partial<Record<RatingDimension, string>>;
};

export interface Reason {
  points: number;
  /** A sentence, with labels in their own case. */
  text: string;
}

export interface Recommendation {
  id: string;
  name: string;
  score: number;
  reasons: Reason[];
}

/** Which family a language name from the frontmatter belongs to. */
export function languageFamily(language: string): LanguageFamily | undefined {
  const l = language.toLowerCase();
  if (l === 'javascript' || l === 'typescript') return 'javascript';
  if (l === 'python') return 'python';
  if (l === 'java' || l === 'kotlin') return 'java';
  if (l === 'php') return 'php';
  if (l === 'c#' || l === 'f#' || l === 'visual basic') return 'csharp';
  if (l === 'go') return 'go';
  if (l === 'ruby') return 'ruby';
  return undefined;
}

/** The reasons one framework earns from the answers given, in question order. */
export function reasonsFor(c: Candidate, p: Profile): Reason[] {
  const reasons: Reason[] = [];
  const families = new Set(c.languages.map(languageFamily));

  if (p.build && c.bestFor.includes(p.build))
    reasons.push({ points: 4, text: `Strong fit for ${midSentence(useCaseLabel(p.build))}.` });

  const known = p.languages.filter((f) => families.has(f));
  if (known.length > 0)
    reasons.push({ points: 3, text: `You already know ${listText(known.map((f) => LANGUAGE_FAMILIES[f]))}.` });

  if (p.context === 'learning') {
    const score = c.ratings.learningCurve.score;
    const meaning = c.meanings?.learningCurve;
    if (score >= 4)
      reasons.push({
        points: 2,
        text: `Approachable when learning on your own: rated ${score}/5 for ${midSentence(RATING_DIMENSIONS.learningCurve)}${meaning ? ` (${meaning})` : ''}.`,
      });
  } else if (p.context) {
    const { suits, fits } = CONTEXT_FITS[p.context];
    // Name a use case other than the one the reader already picked when the framework has one: the reason then adds something.
    const matches = fits.filter((u) => c.bestFor.includes(u));
    const fit = matches.find((u) => u !== p.build) ?? matches[0];
    if (fit)
      reasons.push({ points: 2, text: `${suits}: our article recommends it for ${midSentence(useCaseLabel(fit))}.` });
    if (p.context === 'microsoft' && families.has('csharp'))
      reasons.push({ points: 2, text: 'First-party tooling across the Microsoft stack.' });
  }

  if (p.hosting === 'azure' && families.has('csharp'))
    reasons.push({ points: 2, text: 'Azure and .NET come from the same vendor.' });
  if (p.hosting === 'shared-php' && families.has('php'))
    reasons.push({ points: 3, text: 'Runs on ordinary PHP hosting.' });

  if (p.priority) {
    const { score, reason } = c.ratings[p.priority];
    // The reason is the framework's own, written in the rubric's terms: the level it meets and what it misses.
    reasons.push({
      points: priorityPoints(score),
      text: `Rated ${score}/5 for ${midSentence(RATING_DIMENSIONS[p.priority])}: ${reason}`,
    });
  }
  return reasons;
}

/** All candidates, best first; ties keep the guide's order. The score is the sum of the reasons' points. */
export function recommend(candidates: readonly Candidate[], profile: Profile): Recommendation[] {
  return candidates
    .map((c) => {
      const reasons = reasonsFor(c, profile);
      return { c, r: { id: c.id, name: c.name, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons } };
    })
    .sort((a, b) => b.r.score - a.r.score || a.c.order - b.c.order)
    .map(({ r }) => r);
}

/** How many of the questions the reader has answered. */
export function answeredCount(p: Profile): number {
  return QUESTIONS.filter((q) => (q.name === 'languages' ? p.languages.length > 0 : p[q.name] !== undefined)).length;
}

const isOption = <T extends string>(options: Record<T, string>, value: string | null): value is T =>
  value !== null && Object.hasOwn(options, value);
const pick = <T extends string>(options: Record<T, string>, value: string | null): T | undefined =>
  isOption(options, value) ? value : undefined;

/** The answers in a query string (or form data); anything that is not one of the options is ignored. */
export function profileFromParams(params: URLSearchParams): Profile {
  return {
    build: pick(USE_CASES, params.get('build')),
    languages: [...new Set(params.getAll('languages'))].filter((v) => isOption(LANGUAGE_FAMILIES, v)),
    context: pick(CONTEXTS, params.get('context')),
    hosting: pick(HOSTING, params.get('hosting')),
    priority: pick(RATING_DIMENSIONS, params.get('priority')),
  };
}

/** The answers as a query string (no "?"), in question order, so a ranking can be shared and reopened. */
export function profileToParams(p: Profile): URLSearchParams {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) {
    const values = q.name === 'languages' ? p.languages : [p[q.name]];
    for (const value of values) if (value) params.append(q.name, value);
  }
  return params;
}

/**
 * The top of the ranking in one short sentence (at most two lines on a 320 px phone): the first framework, or those
 * tied with it (named when two, counted when more), and the points.
 */
export function topPickText(ranking: readonly Recommendation[]): string {
  const first = ranking[0];
  if (!first) return '';
  const tied = ranking.filter((r) => r.score === first.score).length;
  if (tied === 1) return `Top pick: ${first.name}, ${pointsLabel(first.score)}.`;
  const names = tied === 2 ? `${first.name} and ${ranking[1]!.name}` : `${first.name} and ${tied - 1} others`;
  return `Tied at the top: ${names}, ${pointsLabel(first.score)} each.`;
}

/** "+4", "−2" (a true minus sign), "0". */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}

/** "9 points", "1 point", "−2 points". */
export function pointsLabel(points: number): string {
  return `${points < 0 ? '−' : ''}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}
