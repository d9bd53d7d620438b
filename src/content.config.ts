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
import { entryIdsIn, entryOrdersIn, markdownFilesIn } from './lib/entry-ids';
import { versusEntryId } from './lib/pairs';
import { NEWSLETTER_CONTENT_DIR, weekOfIssueFile } from './newsletter/archive';
import { typesetData } from './lib/typeset';
import { USE_CASE_KEYS } from './lib/use-cases';

const FRAMEWORKS_DIR = './content/frameworks';
const TRENDS_DIR = './content/trends';
const VERSUS_DIR = './content/versus';

/** An absolute https URL: every link we cite must be secure and complete. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' });

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
  /** Current stable version, e.g. "5.2.1". */
  currentVersion: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 5.2 or 5.2.1'),
  /** When that version was released. */
  currentVersionDate: z.coerce.date(),
  /** Long-term-support line, if the project has one, and when its security support ends. */
  lts: z.strictObject({ version: z.string().min(1), supportedUntil: z.coerce.date() }).optional(),
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
  return z.string().refine((id) => known.includes(id), { error: (issue) => `unknown ${noun} "${String(issue.input)}" (known: ${known.join(', ')})` });
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
  support: z
    .array(z.strictObject({ framework: frameworkRef(), how: z.string().min(20).max(300) }))
    .min(1),
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

export const guideSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(5),
  /** One line shown under the title. */
  description: z.string().min(20).max(200),
  /** A site path ("/…") or an absolute https URL. */
  url: z.union([z.string().regex(/^\/[^/]/, 'internal paths start with one "/"'), httpsUrl]),
  /** True when the link leaves this site (shown with an "external" marker). */
  external: z.boolean(),
  topic: z.string().min(2),
});

/** Editorial text for one head-to-head page; the body (MDX) is shown above the data-driven comparison. */
export const versusSchema = z.strictObject({
  /** One or two sentences on what the text argues: the page's meta description and the RSS summary (50–160). */
  summary: z.string().min(50).max(160),
  publishedAt: z.coerce.date(),
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
          z.strictObject({ collection: z.literal('frameworks'), id: knownId(FRAMEWORKS_DIR, 'framework'), change: digestChange }),
          z.strictObject({ collection: z.literal('trends'), id: knownId(TRENDS_DIR, 'trend'), change: digestChange }),
        ]),
      )
      .optional(),
  })
  .refine((data) => (data.sentAt === undefined) === (data.items === undefined), {
    error: 'sentAt and items are written together by the send command: set both or neither',
  });

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

/** MDX files only; `_draft.mdx` is ignored. `django/index.mdx` gets the id `django`. */
const mdxIn = (base: string) => glob({ base, pattern: '**/[^_]*.mdx' });

/**
 * Text in the data of entries (frontmatter and YAML: taglines, verdicts, FAQ answers, source titles…) gets curly
 * apostrophes and quotes when it is loaded, like the Markdown bodies, which Astro's smartypants does: one style in
 * everything a reader sees, whichever way a writer typed it (see src/lib/typeset.ts; tests/build/typography.test.ts).
 */
export const collections = {
  frameworks: defineCollection({ loader: mdxIn(FRAMEWORKS_DIR), schema: frameworkSchema.transform(typesetData) }),
  trends: defineCollection({ loader: mdxIn(TRENDS_DIR), schema: trendSchema.transform(typesetData) }),
  faq: defineCollection({ loader: file('./content/faq.yaml'), schema: faqSchema.transform(typesetData) }),
  guides: defineCollection({ loader: file('./content/guides.yaml'), schema: guideSchema.transform(typesetData) }),
  /**
   * `content/versus/<a>-vs-<b>.mdx`, keyed by the file name: two known frameworks in the page's (canonical)
   * order. Anything else (a typo, the reverse order, the same framework twice) fails `astro sync`, naming the file.
   */
  versus: defineCollection({
    loader: glob({
      base: VERSUS_DIR,
      pattern: '[^_]*.mdx',
      generateId: ({ entry }) => versusEntryId(`${VERSUS_DIR.slice(2)}/${entry}`, entryOrdersIn(FRAMEWORKS_DIR)),
    }),
    schema: versusSchema.transform(typesetData),
  }),
  /** Keyed by the ISO week ("2026-W48"); a file name that is not a week fails `astro sync`, naming the file. */
  newsletter: defineCollection({
    loader: quietWhenEmpty(glob({ base: NEWSLETTER_CONTENT_DIR, pattern: '[^_]*.md', generateId: ({ entry }) => weekOfIssueFile(`${NEWSLETTER_CONTENT_DIR}/${entry}`).id }), NEWSLETTER_CONTENT_DIR),
    schema: newsletterSchema,
  }),
};
