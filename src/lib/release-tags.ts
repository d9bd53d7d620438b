/**
 * Release facts in prose: one tag, `<Release of="django" line="lts" show="eol" />`, written in MDX bodies (where
 * src/components/mdx/Release.astro renders it) and in the FAQ's Markdown answers (where resolveReleaseTags replaces
 * it before the answer becomes HTML or JSON-LD text). Both call releaseValue, so a fact reads the same wherever it
 * is written, and no article or answer types a version number or a support date by hand
 * (tests/unit/hand-typed-versions.test.ts checks that).
 *
 * - `of`: the id of `content/releases/<id>.yaml` (express, nestjs, nodejs, django, python, spring-boot, java, laravel, php,
 *   dotnet).
 * - `line`: "current" (the default: the newest released line), "lts" (the newest LTS line still supported) or a
 *   cycle of the data, such as "5.2" or "4".
 * - `show`: "line" (the default: "5.2"), "latest" (its newest patch, "5.2.17"), "released", "eoas" (end of bug
 *   fixes), "eol" (end of security fixes), the three dates as "30 April 2028", or "support" (where the line stands,
 *   in words: supportText).
 *
 * Anything the data cannot answer (an unknown id, line or show, a line without an LTS, a date not announced) throws,
 * naming the tag: the build stops rather than print "undefined" or a guess.
 */
import { splitFrontmatter } from './frontmatter';
import { currentCycle, currentLts, supportText, type IsoDate, type ReleaseCycle } from './releases';

export const RELEASE_SHOWS = ['line', 'latest', 'released', 'eoas', 'eol', 'support'] as const;
export type ReleaseShow = (typeof RELEASE_SHOWS)[number];

export interface ReleaseTag {
  of: string;
  line?: string | undefined;
  show?: string | undefined;
}

/** The cycle a tag names: the current line, the current LTS line, or an explicit cycle. */
export function releaseLine(cycles: readonly ReleaseCycle[], line: string, today: IsoDate): ReleaseCycle {
  if (line === 'current') {
    const found = currentCycle(cycles, today);
    if (!found) throw new Error(`no line was released by ${today}`);
    return found;
  }
  if (line === 'lts') {
    const found = currentLts(cycles, today);
    if (!found) throw new Error(`no LTS line is supported on ${today}`);
    return found;
  }
  const found = cycles.find((c) => c.cycle === line);
  if (!found)
    throw new Error(
      `no line "${line}" in the data (lines: ${cycles
        .map((c) => c.cycle)
        .slice(0, 8)
        .join(', ')}…; or "current", "lts")`,
    );
  return found;
}

/** The text a tag stands for, computed from the data for `today`. Throws where the data has no answer. */
export function releaseValue(
  cycles: readonly ReleaseCycle[],
  tag: { line?: string | undefined; show?: string | undefined },
  today: IsoDate,
  formatDay: (day: IsoDate) => string,
): string {
  const show = tag.show ?? 'line';
  if (!(RELEASE_SHOWS as readonly string[]).includes(show))
    throw new Error(`unknown show="${show}" (one of: ${RELEASE_SHOWS.join(', ')})`);
  const cycle = releaseLine(cycles, tag.line ?? 'current', today);
  const day = (value: ReleaseCycle['eol'], what: string) => {
    if (typeof value !== 'string')
      throw new Error(
        `line ${cycle.cycle} has no ${what} date in the data (${value ? 'passed, date unknown' : 'not announced'})`,
      );
    return formatDay(value);
  };
  switch (show as ReleaseShow) {
    case 'line':
      return cycle.cycle;
    case 'latest':
      if (!cycle.latest) throw new Error(`line ${cycle.cycle} has no latest release in the data`);
      return cycle.latest;
    case 'released':
      return formatDay(cycle.releaseDate);
    case 'eoas':
      return day(cycle.eoas, 'end-of-active-support');
    case 'eol':
      return day(cycle.eol, 'end-of-support');
    case 'support':
      return supportText(cycle, today, formatDay);
  }
}

/** `<Release of="x" line="y" show="z" />`, with its attributes in any order (straight quotes only). */
export const RELEASE_TAG = /<Release\b([^<>]*?)\/>/g;
const ATTRIBUTE = /\s+([a-zA-Z]+)="([^"]*)"/gy;

/** The attributes of one tag's source (`<Release … />`); throws on a malformed or unknown attribute. */
export function parseReleaseTag(source: string): ReleaseTag {
  const inner = /^<Release\b([^<>]*?)\s*\/>$/.exec(source)?.[1];
  if (inner === undefined) throw new Error('not a self-closing <Release … /> tag');
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = ATTRIBUTE.exec(inner))) {
    attributes[match[1]!] = match[2]!;
    end = ATTRIBUTE.lastIndex;
  }
  if (inner.slice(end).trim())
    throw new Error(`cannot read the attributes “${inner.slice(end).trim()}” (write of="…" line="…" show="…")`);
  const unknown = Object.keys(attributes).filter((name) => !['of', 'line', 'show'].includes(name));
  if (unknown.length) throw new Error(`unknown attribute ${unknown.join(', ')} (of, line and show only)`);
  if (!attributes['of']) throw new Error('missing of="…" (the release data id)');
  return { of: attributes['of'], line: attributes['line'], show: attributes['show'] };
}

/** Release data by id, or undefined for an unknown id. */
export type ReleaseLookup = (id: string) => readonly ReleaseCycle[] | undefined;

/** One tag's text, or an error naming where it was written (`where`) and the tag itself. */
export function resolveReleaseTag(
  source: string,
  lookup: ReleaseLookup,
  today: IsoDate,
  formatDay: (day: IsoDate) => string,
  where: string,
): string {
  try {
    const tag = parseReleaseTag(source);
    const cycles = lookup(tag.of);
    if (!cycles) throw new Error(`unknown release data of="${tag.of}"`);
    return releaseValue(cycles, tag, today, formatDay);
  } catch (error) {
    throw new Error(`${where}: ${source}: ${(error as Error).message}`, { cause: error });
  }
}

/** Every `<Release … />` tag in a Markdown string (an FAQ answer) replaced by its text. */
export function resolveReleaseTags(
  markdown: string,
  lookup: ReleaseLookup,
  today: IsoDate,
  formatDay: (day: IsoDate) => string,
  where: string,
): string {
  return markdown.replace(RELEASE_TAG, (source) => resolveReleaseTag(source, lookup, today, formatDay, where));
}

/** Every tag in a text with its 1-based line, for checks that name file and line. */
export function releaseTagsIn(text: string): { source: string; line: number }[] {
  return [...text.matchAll(RELEASE_TAG)].map((m) => ({
    source: m[0],
    line: text.slice(0, m.index).split('\n').length,
  }));
}

/** A content file as written: its path (for messages) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/**
 * Every tag of the content that cannot be resolved, as "file:line: tag: why": the build runs this before rendering
 * (src/integrations/release-data.ts), so one bad tag stops it with its place named. Tags work in MDX bodies and in
 * YAML (the FAQ's answers); in frontmatter nothing would resolve them, nor in a plain Markdown (.md) body, so a tag
 * there is a problem too, and so is an MDX file that uses the tag without importing the component.
 */
export function releaseTagProblems(
  files: readonly SourceFile[],
  lookup: ReleaseLookup,
  today: IsoDate,
  formatDay: (day: IsoDate) => string,
): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    const mdx = file.endsWith('.mdx');
    const markdown = file.endsWith('.md');
    // The lines the frontmatter block takes, its `---` lines included: tags there are never resolved.
    const block = mdx || markdown ? text.slice(0, text.length - splitFrontmatter(text).body.length) : '';
    const frontmatterLines = block.split('\n').length - 1;
    const tags = releaseTagsIn(text);
    for (const { source, line } of tags) {
      const where = `${file}:${line}`;
      if (line <= frontmatterLines) {
        problems.push(
          `${where}: ${source}: release tags are not resolved in frontmatter; write the fact in the body, or without a version`,
        );
        continue;
      }
      if (markdown) {
        problems.push(`${where}: ${source}: release tags need MDX; rename the file to .mdx and import Release`);
        continue;
      }
      try {
        resolveReleaseTag(source, lookup, today, formatDay, where);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (
      mdx &&
      tags.some((t) => t.line > frontmatterLines) &&
      !/^import Release from '[^']*\/components\/mdx\/Release\.astro';$/m.test(text)
    ) {
      problems.push(
        `${file}: uses <Release /> without importing it (import Release from '…/src/components/mdx/Release.astro';)`,
      );
    }
  }
  return problems;
}
