/**
 * No article or FAQ answer types a version number or a support date by hand (#18 item 2): release facts come from
 * the release data through `<Release … />` (src/lib/release-tags.ts), which the build resolves for its day. This
 * scans what readers see (Markdown and MDX bodies, the editorial frontmatter strings, FAQ questions and answers) and names file
 * and line of every product name with a version, bare version number or calendar date outside a tag and outside
 * the allowlist below. Sources (titles and URLs), dates of publication and the `ratings:` blocks are not scanned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentWithTags } from '../../src/integrations/release-data';
import { RELEASE_TAG } from '../../src/lib/release-tags';
import { frameworkEntries, releaseEntries } from '../support/collections';

/**
 * Every name a version may follow: each framework's and each release file's own name (so a new framework is
 * covered without editing this test), and the short forms prose uses for them.
 */
const SHORT_FORMS = ['Boot', 'ASP.NET Core', 'ASP.NET', '.NET Core', 'Node', 'Rails'];
const productNames = [
  ...frameworkEntries.map((f) => f.data.name),
  // "Java (Eclipse Temurin)" is written "Java" in prose.
  ...releaseEntries.map((r) => r.data.name.replace(/\s*\(.*\)$/, '')),
  ...SHORT_FORMS,
].filter(Boolean);
const PRODUCT = `(?:${[...new Set(productNames)]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')})`;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PATTERNS: [string, RegExp][] = [
  ['version', new RegExp(String.raw`(?<![\w.])${PRODUCT}\s+v?\d+(?:\.\d+)*(?:\.x)?(?![\w])`, 'g')],
  ['version', /(?<![\w.$-])v?\d+\.(?:\d+|x)(?:\.\d+)*(?![\w])/g],
  [
    'date',
    new RegExp(
      String.raw`\b\d{1,2} ${MONTH},? \d{4}\b|\b${MONTH} \d{1,2}(?:st|nd|rd|th)?, \d{4}\b|\b${MONTH} \d{4}\b|\bQ[1-4] \d{4}\b|\b\d{4}-\d{2}-\d{2}\b`,
      'g',
    ),
  ],
];

/**
 * What may stay as written, each with its reason: facts that are not release data (feature history, other
 * specifications, the reference period of a statistic). Keep it short: a release fact belongs in a tag.
 */
const ALLOWED: { file: string; text: string; reason: string }[] = [
  {
    file: 'content/faq.yaml',
    text: 'v23.6.0',
    reason: 'when Node.js turned type stripping on: feature history from the Node.js docs, not a release line',
  },
  { file: 'content/faq.yaml', text: 'v22.18.0', reason: 'the same feature, backported: feature history' },
  { file: 'content/faq.yaml', text: 'v25.2.0', reason: 'when type stripping was marked stable: feature history' },
  { file: 'content/faq.yaml', text: 'v24.12.0', reason: 'the same, backported: feature history' },
  {
    file: 'content/frameworks/aspnet-core/index.mdx',
    text: 'OpenAPI 3.2',
    reason: 'a version of the OpenAPI specification, which has no release data here',
  },
];

export interface Finding {
  file: string;
  line: number;
  kind: string;
  text: string;
}

/** Frontmatter keys whose strings readers see as prose (ratings belong to the rubric; sources are citations). */
const EDITORIAL_KEYS = new Set([
  'tagline',
  'description',
  'strengths',
  'weaknesses',
  'verdict',
  'title',
  'summary',
  'whyItMatters',
  'support',
  'lead',
  'pick',
  'question',
  'answer',
]);

/** The prose of one line, without what is not prose: release tags, other JSX, code spans, link targets and URLs. */
function prose(line: string): string {
  return line
    .replace(RELEASE_TAG, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/** Hand-typed versions and dates in one content file (Markdown or MDX with frontmatter, or the FAQ's YAML). */
export function handTyped(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  const article = /\.mdx?$/.test(file);
  let inFrontmatter = article && lines[0] === '---';
  let key = '';
  let fence = false;
  lines.forEach((raw, i) => {
    if (article && i > 0 && inFrontmatter && raw === '---') {
      inFrontmatter = false;
      return;
    }
    let scanned: string;
    if (inFrontmatter || !article) {
      // YAML: a top-level key (frontmatter), or a key of a list item (the FAQ), starts a field; its lines follow.
      const field = /^(?:- | {2})?([A-Za-z]+):/.exec(raw);
      if (field && !raw.startsWith('   ')) key = field[1]!;
      if (!EDITORIAL_KEYS.has(key)) return;
      scanned = raw.replace(/^(?:- | {2})?[A-Za-z]+:/, ' ');
    } else {
      if (/^\s*```/.test(raw)) fence = !fence;
      if (fence || /^import /.test(raw)) return;
      scanned = raw;
    }
    const clean = prose(scanned);
    for (const [kind, pattern] of PATTERNS) {
      for (const m of clean.matchAll(pattern)) {
        if (ALLOWED.some((a) => a.file === file && raw.includes(a.text) && a.text.includes(m[0]))) continue;
        findings.push({ file, line: i + 1, kind, text: m[0] });
      }
    }
  });
  // One finding per place: a product name with its version is also a bare version.
  return findings.filter(
    (f, i) =>
      !findings.some(
        (g, j) => j !== i && g.line === f.line && g.kind === f.kind && g.text !== f.text && g.text.includes(f.text),
      ),
  );
}

const SOURCES = contentWithTags().map((f) => f.file);
const report = (findings: Finding[]) =>
  findings.map(
    (f) =>
      `${f.file}:${f.line}: ${f.kind} "${f.text}" typed by hand: use <Release of="…" line="…" show="…" /> (or, if it is not release data, the allowlist in this test, with a reason)`,
  );

describe('no hand-typed version numbers or support dates in the content', () => {
  it('scans every article, trend, head-to-head page and the FAQ', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(21);
  });

  it.each(SOURCES)('%s', (file) => {
    expect(report(handTyped(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('keeps the allowlist honest: every entry still matches something', () => {
    for (const a of ALLOWED) expect(readFileSync(a.file, 'utf8'), `${a.file}: ${a.text}`).toContain(a.text);
  });
});

describe('the scan itself', () => {
  const page = (body: string, front = 'title: Planted\nverdict: "Fine."') =>
    `---\n${front}\n---\nimport Release from '../../src/components/mdx/Release.astro';\n\n${body}\n`;

  it('catches a planted hand-typed version and support date, naming file and line', () => {
    const findings = handTyped(
      'content/trends/planted.mdx',
      page('Intro.\n\nDjango 5.2 is supported until 30 April 2028, and Spring Boot v4.1.1 since August 2026.'),
    );
    expect(report(findings)).toEqual([
      'content/trends/planted.mdx:9: version "Django 5.2" typed by hand: use <Release of="…" line="…" show="…" /> (or, if it is not release data, the allowlist in this test, with a reason)',
      'content/trends/planted.mdx:9: version "Spring Boot v4.1.1" typed by hand: use <Release of="…" line="…" show="…" /> (or, if it is not release data, the allowlist in this test, with a reason)',
      'content/trends/planted.mdx:9: date "30 April 2028" typed by hand: use <Release of="…" line="…" show="…" /> (or, if it is not release data, the allowlist in this test, with a reason)',
      'content/trends/planted.mdx:9: date "August 2026" typed by hand: use <Release of="…" line="…" show="…" /> (or, if it is not release data, the allowlist in this test, with a reason)',
    ]);
  });

  it('catches bare versions, US-style and ISO dates, and versions in editorial frontmatter and FAQ answers', () => {
    expect(
      handTyped('x.mdx', page('Move from 5.2 to 6.x by November 14, 2028 or 2028-11-14.')).map((f) => f.text),
    ).toEqual(['5.2', '6.x', 'November 14, 2028', '2028-11-14']);
    expect(
      handTyped(
        'x.mdx',
        page(
          'Body.',
          'verdict: "Pick .NET 10 until Q3 2027."\nsources:\n  - { title: "Laravel 13.x docs", url: "https://laravel.com/docs/13.x/" }',
        ),
      ).map((f) => `${f.line} ${f.text}`),
    ).toEqual(['2 .NET 10', '2 Q3 2027']);
    expect(
      handTyped(
        'content/faq.yaml',
        '- id: a\n  question: "Is Node 22 fine?"\n  answer: |\n    Yes, PHP 8.3 too.\n  sources:\n    - title: "PHP 8.3 notes"',
      ).map((f) => `${f.line} ${f.text}`),
    ).toEqual(['2 Node 22', '4 PHP 8.3']);
  });

  it('lets release tags, code, link targets, URLs, plain years and the rubric through', () => {
    const body =
      'Django <Release of="django" line="lts" /> until <Release of="django" line="lts" show="eol" />, see [the notes](https://docs.djangoproject.com/en/6.1/releases/6.1/) and `express@5.2.1`, since 2014.\n\n```js\nconst v = "1.2.3";\n```';
    expect(
      handTyped('x.mdx', page(body, 'title: x\nratings:\n  performance:\n    reason: "Java 21 made it faster"')),
    ).toEqual([]);
  });
});
