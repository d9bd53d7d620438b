/**
 * A head-to-head page as data, derived from two framework entries and nothing else: the facts side by side, the
 * six ratings with who leads on each, and "pick A if …" reasons from bestFor, languages, ratings and strengths.
 * Nothing here is hand-written per pair, so every pair reads well without editorial text.
 */
import { formatDate } from './dates';
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from './ratings';
import { useCaseLabel, type UseCase } from './use-cases';

export interface Rating {
  score: number;
  reason: string;
}

export interface Contender {
  id: string;
  name: string;
  languages: readonly string[];
  runtime: string;
  bestFor: readonly UseCase[];
  firstRelease: number;
  license: string;
  currentVersion: string;
  currentVersionDate: Date;
  lts?: { version: string; supportedUntil: Date } | undefined;
  steward: string;
  strengths: readonly string[];
  ratings: Record<RatingDimension, Rating>;
}

export type Side = 'a' | 'b';

export interface FactRow {
  label: string;
  a: string;
  b: string;
}

export function factRows(a: Contender, b: Contender): FactRow[] {
  const row = (label: string, value: (c: Contender) => string): FactRow => ({ label, a: value(a), b: value(b) });
  return [
    row('Language', (c) => c.languages.join(', ')),
    row('Runtime', (c) => c.runtime),
    row('Latest version', (c) => `${c.currentVersion} (${formatDate(c.currentVersionDate)})`),
    row('Long-term support', (c) => (c.lts ? `${c.lts.version}, until ${formatDate(c.lts.supportedUntil)}` : 'No LTS line')),
    row('First release', (c) => String(c.firstRelease)),
    row('Licence', (c) => c.license),
    row('Steward', (c) => c.steward),
    row('Best for', (c) => c.bestFor.map(useCaseLabel).join('; ')),
  ];
}

export interface RatingRow {
  key: RatingDimension;
  label: string;
  a: Rating;
  b: Rating;
  /** Who scores higher; "tie" when the scores are equal. */
  leader: Side | 'tie';
}

/** The six ratings in the guide's order, each with its leader. */
export function ratingRows(a: Contender, b: Contender): RatingRow[] {
  return RATING_KEYS.map((key) => {
    const diff = a.ratings[key].score - b.ratings[key].score;
    return { key, label: RATING_DIMENSIONS[key], a: a.ratings[key], b: b.ratings[key], leader: diff > 0 ? 'a' : diff < 0 ? 'b' : 'tie' };
  });
}

export function tally(rows: readonly RatingRow[]): Record<Side | 'tie', RatingRow[]> {
  return { a: rows.filter((r) => r.leader === 'a'), b: rows.filter((r) => r.leader === 'b'), tie: rows.filter((r) => r.leader === 'tie') };
}

const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six'];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** "a, b and c". */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** One sentence on who leads where, e.g. "Of our six ratings, Django scores higher on two (…), Laravel on none, …". */
export function tallySentence(a: Contender, b: Contender, rows: readonly RatingRow[]): string {
  const t = tally(rows);
  const led = (won: RatingRow[]) => (won.length === 0 ? 'none' : `${count(won.length)} (${listText(won.map((r) => r.label.toLowerCase()))})`);
  return `Of our six ratings, ${a.name} scores higher on ${led(t.a)}, ${b.name} on ${led(t.b)}, and they are level on ${count(t.tie.length)}.`;
}

/** Completes "pick X if …" for a project kind; typed, so a new use case without a phrase fails the type check. */
const PROJECT_PHRASE: Record<UseCase, string> = {
  'saas-startups': 'a SaaS product or a startup',
  'ai-and-data': 'an AI or data-driven product',
  enterprise: 'a large enterprise system',
  'rapid-web': 'a web app or MVP that has to ship fast',
  'corporate-cloud': 'software for a corporate or cloud environment',
  'real-time': 'a real-time app such as chat or live updates',
  'content-sites': 'a content site or a CMS-backed platform',
  'apis-microservices': 'APIs or microservices',
};

/** Completes "pick X if …" for a rating X leads on. */
const PRIORITY_PHRASE: Record<RatingDimension, string> = {
  performance: 'raw speed per server matters most',
  scalability: 'scaling out is the priority',
  security: 'you want the safer defaults',
  learningCurve: 'you want the easier start',
  ecosystem: 'you want the bigger ecosystem of libraries',
  jobMarket: 'you are choosing for job prospects',
};

export interface PickReason {
  /** Completes "Pick <name> if …". */
  text: string;
  /** The data it comes from, shown beside it (e.g. "Security defaults: 5/5 against 4/5"). */
  basis?: string;
  /** Quoted items that follow the text (the article's own words, e.g. its strengths). */
  items?: string[];
}

/** Why to pick `self` over `other`, most decisive first: language, kind of project, ratings it leads, strengths. */
export function pickReasons(self: Contender, other: Contender): PickReason[] {
  const reasons: PickReason[] = [];
  const otherLanguages = new Set(other.languages);
  if (!self.languages.some((l) => otherLanguages.has(l))) {
    reasons.push({ text: `you or your team already work in ${listText(self.languages, 'or')}` });
  }
  for (const useCase of self.bestFor.filter((u) => !other.bestFor.includes(u))) {
    reasons.push({ text: `you are building ${PROJECT_PHRASE[useCase]}`, basis: `a best fit for ${self.name}, not for ${other.name}` });
  }
  for (const key of RATING_KEYS) {
    const mine = self.ratings[key].score;
    const theirs = other.ratings[key].score;
    if (mine > theirs) reasons.push({ text: PRIORITY_PHRASE[key], basis: `${RATING_DIMENSIONS[key]}: ${mine}/5 against ${theirs}/5` });
  }
  // The article lists strengths most important first; its first two, in its own words.
  const strengths = self.strengths.slice(0, 2);
  if (strengths.length > 0) reasons.push({ text: 'its main strengths are what you need most:', items: strengths });
  return reasons;
}

/** When both fit: the use cases both articles name as a best fit, as a sentence (undefined when there are none). */
export function eitherSentence(a: Contender, b: Contender): string | undefined {
  const shared = a.bestFor.filter((u) => b.bestFor.includes(u)).map((u) => `for ${PROJECT_PHRASE[u]}`);
  if (shared.length === 0) return undefined;
  return `Both articles name them a best fit ${listText(shared)}. For ${shared.length === 1 ? 'that kind of project' : 'those kinds of project'}, either one works: let your team’s language and experience decide.`;
}

/** "Python or PHP?", when the two are written in different languages. */
export function languageQuestion(a: Contender, b: Contender): string | undefined {
  if (a.languages.some((l) => b.languages.includes(l))) return undefined;
  return `${a.languages.join('/')} or ${b.languages.join('/')}?`;
}

/** The page's meta description (50–160 characters for every pair, checked by the tests). */
export function pairDescription(a: Contender, b: Contender): string {
  return `${a.name} vs ${b.name}, side by side: the facts, six ratings with their reasons, where each one leads and when to pick which.`;
}

/** The h1 and breadcrumb: "Django vs Laravel". */
export function pairTitle(a: Contender, b: Contender): string {
  return `${a.name} vs ${b.name}`;
}

/** The page title (before the site name), kept short enough for search results (checked by the tests). */
export function pairPageTitle(a: Contender, b: Contender): string {
  return `${pairTitle(a, b)}: which to pick`;
}

