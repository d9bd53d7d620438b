/**
 * Every content collection of the guide, defined once. Entries live in the top-level `content/`
 * folder; files whose name starts with `_` are drafts and are not loaded.
 *
 * Schemas are strict: an unknown key fails the build, so a typo in frontmatter is caught
 * with the file and the field named, instead of being silently ignored.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { ENTRY_PATTERN, entryIdsIn, entryOrdersIn, markdownFilesIn, yamlIdsIn } from './content-files/entries';
import { applyOverrides } from './lib/releases';
import { missingVersusProblem, pickKeysProblem, sentenceCount } from './lib/versus/editorial';
import { allPairs, pairSlug, versusEntryId } from './lib/versus/pairs';
import { NEWSLETTER_CONTENT_DIR, weekOfIssueFile } from './lib/iso-week';
import { typesetData } from './lib/typeset';
import { USE_CASE_KEYS } from './lib/use-cases';

const FRAMEWORKS_DIR = './content/frameworks';
const TRENDS_DIR = './content/trends';
const VERSUS_DIR = './content/versus';
const RELEASES_DIR = './content/releases';

/** An absolute https URL: every link we cite must be secure and complete. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' });

/** The id of a release-data file, `content/releases/<id>.yaml`; an unknown id fails the build, naming the field. */
const releaseId = () => {
  const known = yamlIdsIn(RELEASES_DIR);
  return z.string().refine((id) => known.includes(id), {
    error: (issue) => `unknown release data "${String(issue.input)}" (known: ${known.join(', ')})`,
  });
};

/** A citation backing a fact in the entry. */
export const sourceSchema = z.strictObject({
  /** What the reader will see in the sources list. */
  title: z.string().min(3),
  /** Where the fact can be checked. */
  url: httpsUrl,
});

/** A 1–5 score with the one-sentence reason behind it (shown next to the score). */
export const ratingSchema = z.strictObject({
  score: z.number().int().min(1, 'ratings go from 1 to 5').max(5, 'ratings go from 1 to 5'),
  reason: z.string().min(20).max(260),
});

/** SPDX identifiers of the licences the guide's frameworks use. Extend when a framework needs another. */
export const SPDX_LICENSES = ['MIT', 'BSD-3-Clause', 'BSD-2-Clause', 'Apache-2.0', 'MPL-2.0'] as const;

export const frameworkSchema = z.strictObject({
  /** Display name, e.g. "Django". */
  name: z.string().min(2),
  /** One-line pitch under the title (≤ 90 characters so it fits a card). */
  tagline: z.string().min(10).max(90),
  /** Meta description and RSS summary (50–160 characters, what search results show). */
  description: z.string().min(50).max(160),
  /** Typed use-case keys (see src/lib/use-cases.ts). */
  bestFor: z.array(z.enum(USE_CASE_KEYS)).min(1),
  /** Programming language(s) you write the app in. */
  languages: z.array(z.string().min(1)).min(1),
  /** What runs the code, e.g. "Node.js", "CPython", "JVM", ".NET". */
  runtime: z.string().min(2),
  /** Year of the first public release. */
  firstRelease: z.number().int().min(1990).max(2100),
  /** SPDX licence identifier. */
  license: z.enum(SPDX_LICENSES),
  /** Where its release lines and its runtime's come from: ids of `content/releases/<id>.yaml` (the same for ASP.NET Core and .NET). */
  releases: z.strictObject({ framework: releaseId(), runtime: releaseId() }),
  /** Organisation or people who steward the project. */
  steward: z.string().min(2),
  homepage: httpsUrl,
  repository: httpsUrl,
  /** Scores 1–5; for learningCurve, 5 means easiest to learn. */
  ratings: z.strictObject({
    performance: ratingSchema,
    scalability: ratingSchema,
    security: ratingSchema,
    learningCurve: ratingSchema,
    ecosystem: ratingSchema,
    jobMarket: ratingSchema,
  }),
  strengths: z.array(z.string().min(5)).min(3),
  weaknesses: z.array(z.string().min(5)).min(2),
  /** The closing judgement, shown after pros and cons (one short paragraph, Markdown not rendered). */
  verdict: z.string().min(150).max(900),
  publishedAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  /** Position in lists and in previous/next navigation. */
  order: z.number().int().min(0),
  /** Citations for every fact and figure in the article (at least three). */
  sources: z.array(sourceSchema).min(3),
});

/**
 * An id that must name an entry in `dir`. Astro only logs a dangling reference; checking the id against the
 * files on disk first makes a typo fail `astro sync`, `check` and `build`, naming the file and the field.
 */
const knownId = (dir: string, noun: string) => {
  const known = entryIdsIn(dir);
  return z.string().refine((id) => known.includes(id), {
    error: (issue) => `unknown ${noun} "${String(issue.input)}" (known: ${known.join(', ')})`,
  });
};

/** A reference to a framework article (see knownId). */
export const frameworkRef = () => knownId(FRAMEWORKS_DIR, 'framework').pipe(reference('frameworks'));

export const trendSchema = z.strictObject({
  title: z.string().min(3),
  /** One or two sentences: what the trend is. Also the meta description (≤ 160). */
  summary: z.string().min(50).max(160),
  /** Why it matters for a framework choice in 2026 (a short paragraph). */
  whyItMatters: z.string().min(80).max(600),
  /** Frameworks that support the trend well, and how. */
  support: z.array(z.strictObject({ framework: frameworkRef(), how: z.string().min(20).max(300) })).min(1),
  publishedAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  order: z.number().int().min(0),
  sources: z.array(sourceSchema).default([]),
});

export const faqSchema = z.strictObject({
  /** Stable id (the anchor of the question on the page). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(10).max(160).endsWith('?'),
  /** Answer in Markdown (rendered on the page; plain text in FAQPage JSON-LD). */
  answer: z.string().min(40),
  order: z.number().int().min(0),
  frameworks: z.array(frameworkRef()).default([]),
  sources: z.array(sourceSchema).default([]),
});

/** One entry of further reading: an external page that helps a reader learn or build with what they chose. */
export const readingSchema = z.strictObject({
  /** Stable id of the entry (never shown). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The page's own title, as its publisher gives it. */
  title: z.string().min(5),
  /** Who publishes it, shown under the title so a reader knows whose page they are going to. */
  publisher: z.string().min(2),
  /** One line in our words on what the reader will get there. */
  description: z.string().min(20).max(200),
  /** The publisher's page. */
  url: httpsUrl,
  /** The framework it teaches, for official tutorials; absent for references that apply to any backend. */
  framework: frameworkRef().optional(),
});

/** Typographic quotes only (’ “ ”), the site's chosen style: a straight ' or " in editorial text is a typo. */
const curly = (text: string) => !/['"]/.test(text);
const CURLY = { error: 'use typographic quotes and apostrophes (’ “ ”), not straight ones' };

/**
 * One "Pick A if …" line: it completes "Pick <Name> if", so it starts in lower case and, being a list item, has no
 * closing punctuation.
 */
const pickLine = z
  .string()
  .min(15)
  .max(170)
  .regex(/^[a-z]/, 'starts in lower case: the line completes “Pick <Name> if …”')
  .refine((line) => !/[.,;:!]$/.test(line), { error: 'no punctuation at the end: each line is a list item' })
  .refine(curly, CURLY);

/**
 * Editorial text for one head-to-head page: the verdict under the title, "Pick A if …" for each side, and the
 * sources behind them. The MDX body is optional: a longer "Our take" shown above the data-driven comparison.
 * The loader checks what the schema cannot see: the `pick` keys against the file name, and a file for every pair.
 */
export const versusSchema = z.strictObject({
  /** One or two sentences on what the page argues: its meta description and the RSS summary (50–160). */
  summary: z.string().min(50).max(160).refine(curly, CURLY),
  /** The editor's verdict, the first thing under the title: two or three sentences of plain text. */
  lead: z
    .string()
    .min(120)
    .max(480)
    .refine((text) => [2, 3].includes(sentenceCount(text)), {
      error: (issue) => `write two or three sentences (found ${sentenceCount(String(issue.input))})`,
    })
    .refine(curly, CURLY),
  /** "Pick <Name> if …" lines, keyed by the pair's two framework ids (exactly those two), two to four lines each. */
  pick: z.record(
    z.string(),
    z.array(pickLine).min(2, 'two to four lines per framework').max(4, 'two to four lines per framework'),
  ),
  /** Citations for the facts in the lead and the pick lines (at least two), listed at the end of the page. */
  sources: z.array(sourceSchema).min(2),
  /** When the text was first published (the article's datePublished). */
  publishedAt: z.coerce.date(),
  /** When the text last changed in substance (dateModified). */
  updatedAt: z.coerce.date(),
});

/** Whether an article was new that week or an update of an older one (as the digest labelled it). */
const digestChange = z.enum(['new', 'updated']);

/**
 * `content/newsletter/<yyyy>-<ww>.md`: the editor's intro for that week's digest (the body, plain paragraphs),
 * and, once `npm run newsletter -- send` has delivered the issue to everyone, the record of what went out.
 * Only a file with `sentAt` appears in the archive.
 */
export const newsletterSchema = z
  .strictObject({
    /** When the last due message went out; written by the send command. */
    sentAt: z.coerce.date().optional(),
    /** The articles that went out, in the email's order, frozen: later edits to an article cannot change it. */
    items: z
      .array(
        z.discriminatedUnion('collection', [
          z.strictObject({
            collection: z.literal('frameworks'),
            id: knownId(FRAMEWORKS_DIR, 'framework'),
            change: digestChange,
          }),
          z.strictObject({ collection: z.literal('trends'), id: knownId(TRENDS_DIR, 'trend'), change: digestChange }),
        ]),
      )
      .optional(),
  })
  .refine((data) => (data.sentAt === undefined) === (data.items === undefined), {
    error: 'sentAt and items are written together by the send command: set both or neither',
  });

/** A calendar day. YAML loaders may hand over a Date for an unquoted 2026-11-27: both mean the same day. */
const isoDay = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27'),
);

/** A date, or `false` (not announced, or not yet) or `true` (passed, date unknown): see src/lib/releases.ts. */
const milestone = z.union([isoDay, z.boolean()]);

/** One release line, as `npm run facts:refresh` writes it (see ReleaseCycle in src/lib/releases.ts). */
export const releaseCycleSchema = z.strictObject({
  /** The line, e.g. "5.2" or "24" (quote it in YAML: 10.0 would become 10). */
  cycle: z.string().min(1),
  releaseDate: isoDay,
  /** A long-term support line. */
  lts: z.boolean(),
  /** When the line became LTS, where that comes after its release (Node.js). */
  ltsFrom: isoDay.optional(),
  /** End of active support (bug fixes). */
  eoas: milestone,
  /** End of security support. */
  eol: milestone,
  /** Latest patch release of the line and its date. */
  latest: z.string().min(1).optional(),
  latestDate: isoDay.optional(),
});

/**
 * `content/releases/<id>.yaml`: the release cycles of a framework or a runtime. `endoflife` is endoflife.date's data
 * (MIT), written by `npm run facts:refresh`, never by hand; `overrides` are ours: a cycle the data predates, or a
 * correction, each with the page it comes from. Pages read `cycles`, the two merged.
 */
export const releaseSchema = z
  .strictObject({
    /** Display name, e.g. "Node.js". */
    name: z.string().min(2),
    kind: z.enum(['framework', 'runtime']),
    /** The project's own page on which lines it supports and for how long. */
    policy: httpsUrl,
    /** What facts:refresh last read from endoflife.date. */
    endoflife: z
      .strictObject({
        /** The product's name at endoflife.date (https://endoflife.date/<product>). */
        product: z.string().regex(/^[a-z0-9-]+$/),
        /** The day the data was read (the API), or the snapshot's date. */
        checkedAt: isoDay,
        cycles: z.array(releaseCycleSchema).min(1),
      })
      .optional(),
    /**
     * For a file with no endoflife block: the day its overrides were last read from their sources, so the build can
     * warn when they go stale as it does for endoflife.date's data.
     */
    checkedAt: isoDay.optional(),
    /** Our corrections and additions, each with its source. */
    overrides: z.array(releaseCycleSchema.partial().extend({ cycle: z.string().min(1), source: httpsUrl })).default([]),
  })
  .check((ctx) => {
    const { endoflife, overrides, checkedAt } = ctx.value;
    if (!endoflife && overrides.length === 0)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'needs endoflife data or at least one override' });
    if (!endoflife && !checkedAt)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['checkedAt'],
        message:
          'a file without endoflife data needs checkedAt: the day its overrides were last read from their sources',
      });
    const known = new Set(endoflife?.cycles.map((c) => c.cycle));
    overrides.forEach((o, i) => {
      if (!known.has(o.cycle) && !o.releaseDate)
        ctx.issues.push({
          code: 'custom',
          input: o,
          path: ['overrides', i, 'releaseDate'],
          message: `cycle ${o.cycle} is not in the endoflife data, so its override needs a releaseDate`,
        });
    });
  })
  .transform((data) => ({
    ...data,
    cycles: applyOverrides(data.endoflife?.cycles ?? [], data.overrides),
    // One date for the staleness warning and the fact box: endoflife.date's when the file has its data.
    checkedAt: data.endoflife?.checkedAt ?? data.checkedAt,
  }));

/**
 * The glob loader, skipped while `dir` holds no entry file: before the first issue, the newsletter folder may not
 * exist at all, and that is a normal state, not a warning on every build (pages check the same way before
 * asking for the collection). In `astro dev`, restart after adding the first file.
 */
const quietWhenEmpty = (loader: Loader, dir: string): Loader => ({
  name: `${loader.name}-when-present`,
  load: async (context) => {
    if (markdownFilesIn(dir).length > 0) await loader.load(context);
    else context.store.clear();
  },
});

/**
 * The versus loader, failing when a pair of frameworks has no file: every head-to-head page carries an editor's
 * verdict, so a new framework means new versus files, named in the error. The pairs come from the framework
 * files on disk, as the page routes do.
 */
const everyPair = (loader: Loader): Loader => ({
  name: `${loader.name}-every-pair`,
  load: async (context) => {
    await loader.load(context);
    const slugs = allPairs(entryOrdersIn(FRAMEWORKS_DIR)).map(([a, b]) => pairSlug(a, b));
    const problem = missingVersusProblem(slugs, context.store.keys());
    if (problem) throw new Error(`${VERSUS_DIR.slice(2)}: ${problem}`);
  },
});

/**
 * Articles: Markdown, or MDX where the text needs components (release facts, code samples); `_draft.md` is ignored.
 * `django/index.mdx` gets the id `django`. Markdown is rendered once and kept in Astro's content cache, where each MDX
 * file is compiled into the site's bundle on every build (README › Performance, build scaling). The source itself is not
 * kept (`retainBody`): the cache is bundled into the build, and a reading time is all a page would take from it
 * (`wordsInEntry` reads the file instead).
 */
const articlesIn = (base: string) => glob({ base, pattern: ENTRY_PATTERN, retainBody: false });

/**
 * Text in the data of entries (frontmatter and YAML: taglines, verdicts, FAQ answers, source titles…) gets curly
 * apostrophes and quotes when it is loaded, like the Markdown bodies, which Astro's smartypants does: one style in
 * everything a reader sees, whichever way a writer typed it (see src/lib/typeset.ts; tests/build/typography.test.ts).
 */
export const collections = {
  frameworks: defineCollection({ loader: articlesIn(FRAMEWORKS_DIR), schema: frameworkSchema.transform(typesetData) }),
  trends: defineCollection({ loader: articlesIn(TRENDS_DIR), schema: trendSchema.transform(typesetData) }),
  faq: defineCollection({ loader: file('./content/faq.yaml'), schema: faqSchema.transform(typesetData) }),
  reading: defineCollection({ loader: file('./content/reading.yaml'), schema: readingSchema.transform(typesetData) }),
  /**
   * `content/versus/<a>-vs-<b>.mdx`, keyed by the file name: two known frameworks in the page's (canonical)
   * order. Anything else (a typo, the reverse order, the same framework twice) fails `astro sync`, naming the file.
   */
  versus: defineCollection({
    loader: everyPair(
      glob({
        base: VERSUS_DIR,
        pattern: '[^_]*.mdx',
        generateId: ({ entry, data }) => {
          const file = `${VERSUS_DIR.slice(2)}/${entry}`;
          const id = versusEntryId(file, entryOrdersIn(FRAMEWORKS_DIR));
          // The keys of `pick` belong to the file name, which the schema cannot see: checked here, naming both.
          const problem =
            data['pick'] && typeof data['pick'] === 'object'
              ? pickKeysProblem(id, Object.keys(data['pick']))
              : undefined;
          if (problem) throw new Error(`${file}: ${problem}`);
          return id;
        },
      }),
    ),
    schema: versusSchema.transform(typesetData),
  }),
  /** Keyed by the ISO week ("2026-W48"); a file name that is not a week fails `astro sync`, naming the file. */
  newsletter: defineCollection({
    loader: quietWhenEmpty(
      glob({
        base: NEWSLETTER_CONTENT_DIR,
        pattern: '[^_]*.md',
        generateId: ({ entry }) => weekOfIssueFile(`${NEWSLETTER_CONTENT_DIR}/${entry}`).id,
      }),
      NEWSLETTER_CONTENT_DIR,
    ),
    schema: newsletterSchema,
  }),
  releases: defineCollection({ loader: glob({ base: RELEASES_DIR, pattern: '[^_]*.yaml' }), schema: releaseSchema }),
};
