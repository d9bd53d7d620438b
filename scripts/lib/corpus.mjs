/**
 * Synthetic content for the build-scaling benchmark: entries shaped like the guide's articles (valid frontmatter
 * for the real schemas in src/content.config.ts, ~1,000 words of MDX body with headings, lists, links and a code
 * block). Deterministic: entry i is always the same text, so two runs build the same site.
 *
 * Two kinds:
 * - trends: one page (and one share image) per entry, so the page count grows linearly with the corpus;
 * - frameworks: one article per entry, but also a head-to-head page for every pair, n(n-1)/2 of them, each with
 *   the versus file every pair page needs (see syntheticVersusFiles).
 */
import { stringify } from 'yaml';
import { USE_CASE_KEYS } from '../../src/lib/use-cases.ts';

const WORDS = (
  'request response router middleware handler controller service repository query index cache queue worker ' +
  'thread event loop process container cluster deployment release version migration schema model view template ' +
  'session token cookie header payload stream socket connection pool transaction lock replica shard latency ' +
  'throughput memory runtime compiler interpreter garbage collector dependency package module plugin adapter ' +
  'gateway proxy balancer endpoint contract client server database table column record field validation error ' +
  'retry timeout backoff metric trace log alert dashboard budget test fixture mock benchmark profile build ' +
  'pipeline artifact image registry secret config environment feature flag rollout canary team developer ' +
  'operator reader choice trade-off default convention framework language ecosystem community maintainer ' +
  'the a of to and in for with on by that is can when your its from more less often usually rarely every'
).split(' ');

/** A small seeded PRNG (mulberry32), so the filler is the same on every run. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const between = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rand, lo = 9, hi = 17) {
  const words = Array.from({ length: between(rand, lo, hi) }, () => pick(rand, WORDS));
  return cap(words.join(' ')) + '.';
}

function paragraph(rand, sentences = between(rand, 4, 6)) {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

/** Words in `text` by the same rule as src/lib/reading-time.ts (for the generator's own target). */
const roughWords = (text) =>
  text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;

const SECTIONS = [
  'What it is and who it is for',
  'When to pick it, and when not to',
  'Performance in practice',
  'Scaling and operations',
  'Security defaults',
  'Learning curve and ecosystem',
  'Jobs and the market',
  'A short example',
];

/**
 * An MDX body of about `targetWords` words: H2 sections with paragraphs, an H3, a bullet list, a link and a
 * fenced code block, like the real articles (without component imports, so it builds in any collection).
 */
export function fillerBody(seed, targetWords = 1000) {
  const rand = prng(seed);
  const parts = [];
  let words = 0;
  for (let s = 0; words < targetWords; s++) {
    const title = `${SECTIONS[s % SECTIONS.length]}${s >= SECTIONS.length ? ` (part ${Math.floor(s / SECTIONS.length) + 1})` : ''}`;
    const block = [
      `## ${title}`,
      '',
      paragraph(rand),
      '',
      `${paragraph(rand, 2)} See [the ${pick(rand, WORDS)} notes](https://example.org/notes/${seed}/${s}) for details.`,
      '',
    ];
    if (s % 2 === 0)
      block.push(`### ${cap(pick(rand, WORDS))} and ${pick(rand, WORDS)} (${s + 1})`, '', paragraph(rand, 3), '');
    if (s % 3 === 1) block.push(...Array.from({ length: 4 }, () => `- ${sentence(rand, 5, 9)}`), '');
    if (s % 4 === 3)
      block.push(
        '```js',
        `export function handler${s}(request) {`,
        `  return { status: 200, body: '${pick(rand, WORDS)}' };`,
        '}',
        '```',
        '',
      );
    const text = block.join('\n');
    words += roughWords(text);
    parts.push(text);
  }
  return parts.join('\n');
}

const pad = (i) => String(i).padStart(4, '0');
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** An entry file's text (Markdown or MDX): its frontmatter, then its body. */
function entryText(frontmatter, body) {
  return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`;
}

function sources(rand, i, n = 3) {
  return Array.from({ length: n }, (_, k) => ({
    title: `Synthetic source ${k + 1} for entry ${pad(i)}: ${pick(rand, WORDS)} ${pick(rand, WORDS)}`,
    url: `https://example.org/sources/${pad(i)}/${k + 1}`,
  }));
}

/** Trend entry `i` (a file `content/trends/<id>.md`, like the real trends), supporting one or two of `frameworkIds` (real ids). */
export function syntheticTrend(i, frameworkIds) {
  if (frameworkIds.length === 0) throw new Error('syntheticTrend needs at least one framework id to reference');
  const rand = prng(1_000_003 * (i + 1));
  const id = `synthetic-trend-${pad(i)}`;
  const first = frameworkIds[i % frameworkIds.length];
  const second = frameworkIds[(i + 2) % frameworkIds.length];
  const support = [...new Set([first, ...(i % 2 ? [second] : [])])].map((framework) => ({
    framework,
    how: `${cap(framework)} covers synthetic trend ${pad(i)} through its ${pick(rand, WORDS)} and ${pick(rand, WORDS)} support, documented upstream.`,
  }));
  const frontmatter = {
    title: `Synthetic trend ${pad(i)}: ${cap(pick(rand, WORDS))} ${pick(rand, WORDS)}`,
    summary: `Synthetic benchmark entry ${pad(i)}: a ${pick(rand, WORDS)} ${pick(rand, WORDS)} trend written only to measure how the build scales.`,
    whyItMatters: `Entry ${pad(i)} stands in for a real article. ${paragraph(rand, 2)}`.slice(0, 590),
    support,
    publishedAt: iso(2026, 1 + (i % 12), 1 + (i % 28)),
    updatedAt: iso(2026, 1 + (i % 12), 1 + (i % 28)),
    order: 1000 + i,
    sources: sources(rand, i),
  };
  return { id, path: `${id}.md`, text: entryText(frontmatter, fillerBody(i + 1)) };
}

const ratingKeys = ['performance', 'scalability', 'security', 'learningCurve', 'ecosystem', 'jobMarket'];

/** Framework entry `i` (a folder `content/frameworks/<id>/index.mdx`). Each adds a pair page with every other framework. */
const RELEASES = [
  { framework: 'django', runtime: 'python' },
  { framework: 'express', runtime: 'nodejs' },
  { framework: 'spring-boot', runtime: 'java' },
  { framework: 'laravel', runtime: 'php' },
  { framework: 'dotnet', runtime: 'dotnet' },
];

export function syntheticFramework(i) {
  const rand = prng(2_000_029 * (i + 1));
  const id = `synthetic-framework-${pad(i)}`;
  const name = `Synthframe ${pad(i)}`;
  const frontmatter = {
    name,
    tagline: `A synthetic ${pick(rand, WORDS)} framework for benchmark ${pad(i)}`,
    description: `${name} is a synthetic benchmark entry: a framework-shaped article that exists only to measure how the guide's build scales.`,
    bestFor: [USE_CASE_KEYS[i % USE_CASE_KEYS.length], USE_CASE_KEYS[(i + 3) % USE_CASE_KEYS.length]],
    languages: [pick(rand, ['Python', 'Java', 'C#', 'PHP', 'TypeScript', 'Go', 'Rust'])],
    runtime: pick(rand, ['CPython', 'JVM', '.NET', 'Node.js', 'native']),
    firstRelease: 2000 + (i % 26),
    // Two of SPDX_LICENSES (src/content.config.ts imports astro:content, which plain Node cannot load).
    license: i % 2 ? 'Apache-2.0' : 'MIT',
    // Release data of a real framework and runtime (content/releases): versions come from data, never frontmatter.
    releases: RELEASES[i % RELEASES.length],
    steward: `Synthetic Foundation ${pad(i)}`,
    homepage: `https://example.org/frameworks/${id}/`,
    repository: `https://example.org/git/${id}`,
    ratings: Object.fromEntries(
      ratingKeys.map((key) => [
        key,
        { score: between(rand, 1, 5), reason: `${cap(key)} of ${name}: ${sentence(rand, 8, 14)}` },
      ]),
    ),
    strengths: Array.from({ length: 4 }, () => sentence(rand, 4, 8)),
    weaknesses: Array.from({ length: 3 }, () => sentence(rand, 4, 8)),
    verdict: `${name} is a synthetic entry. ${paragraph(rand, 4)}`.slice(0, 880),
    publishedAt: iso(2026, 1 + (i % 12), 1 + (i % 28)),
    updatedAt: iso(2026, 1 + (i % 12), 1 + (i % 28)),
    order: 1000 + i,
    sources: sources(rand, i),
  };
  return { id, path: `${id}/index.mdx`, text: entryText(frontmatter, fillerBody(i + 1)) };
}

/** The versus file of the pair `first`-vs-`second` (canonical order), frontmatter only, valid for the real schema. */
export function syntheticVersus(first, second) {
  const id = `${first}-vs-${second}`;
  const frontmatter = {
    summary: `Synthetic head-to-head ${id}, written only to measure how the build scales.`,
    lead: `Synthetic verdict on ${first} against ${second}, written only to measure how the build scales. It says nothing about either framework, in the two sentences the schema asks for.`,
    pick: Object.fromEntries(
      [first, second].map((f) => [
        f,
        [`you are measuring the build with ${f} in the corpus`, `you need a second line for ${f} to pass the schema`],
      ]),
    ),
    sources: [1, 2].map((k) => ({
      title: `Synthetic source ${k} for ${id}`,
      url: `https://example.org/versus/${id}/${k}`,
    })),
    publishedAt: iso(2026, 1, 1),
    updatedAt: iso(2026, 1, 1),
  };
  return { id, path: `${id}.mdx`, text: entryText(frontmatter, '') };
}

/**
 * The versus files for every pair that includes one of `newIds`, given every framework with its `order` (as
 * entryOrdersIn reads them): the build fails on a pair without one. Canonical order as in src/lib/versus/pairs.ts, lower
 * `order` first, then by id (that module cannot be loaded by plain Node; the unit test checks both agree).
 */
export function syntheticVersusFiles(frameworks, newIds) {
  const sorted = [...frameworks].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  const fresh = new Set(newIds);
  return sorted.flatMap((a, i) =>
    sorted
      .slice(i + 1)
      .filter((b) => fresh.has(a.id) || fresh.has(b.id))
      .map((b) => syntheticVersus(a.id, b.id)),
  );
}

/** n entries of a kind: `{ id, path, text }`, `path` relative to that collection's folder. */
export function syntheticCorpus(kind, n, frameworkIds = []) {
  if (kind === 'trends') return Array.from({ length: n }, (_, i) => syntheticTrend(i, frameworkIds));
  if (kind === 'frameworks') return Array.from({ length: n }, (_, i) => syntheticFramework(i));
  throw new Error(`unknown corpus kind "${kind}" (trends or frameworks)`);
}
