import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/dates';
import { readReleaseFiles } from '../../src/content-files/releases';
import {
  parseReleaseTag,
  releaseTagProblems,
  releaseValue,
  resolveReleaseTags,
  type ReleaseLookup,
} from '../../src/lib/release-tags';
import type { ReleaseCycle } from '../../src/lib/releases';
import { typeset } from '../../src/lib/typeset';
import { frameworkEntries } from '../support/collections';

const django: ReleaseCycle[] = [
  {
    cycle: '6.1',
    releaseDate: '2026-08-05',
    lts: false,
    eoas: '2027-04-30',
    eol: '2027-12-31',
    latest: '6.1',
    latestDate: '2026-08-05',
  },
  {
    cycle: '6.0',
    releaseDate: '2025-12-03',
    lts: false,
    eoas: '2026-08-04',
    eol: '2027-04-30',
    latest: '6.0.8',
    latestDate: '2026-08-04',
  },
  {
    cycle: '5.2',
    releaseDate: '2025-04-02',
    lts: true,
    eoas: '2025-12-03',
    eol: '2028-04-30',
    latest: '5.2.17',
    latestDate: '2026-08-04',
  },
  {
    cycle: '4.2',
    releaseDate: '2023-04-03',
    lts: true,
    eoas: '2023-12-04',
    eol: '2026-04-07',
    latest: '4.2.30',
    latestDate: '2026-04-07',
  },
];
const express: ReleaseCycle[] = [
  {
    cycle: '5',
    releaseDate: '2024-09-09',
    lts: false,
    eoas: false,
    eol: false,
    latest: '5.2.1',
    latestDate: '2025-12-01',
  },
  {
    cycle: '4',
    releaseDate: '2014-04-09',
    lts: false,
    eoas: '2025-04-01',
    eol: false,
    latest: '4.22.2',
    latestDate: '2026-05-11',
  },
];
const today = '2026-11-27';
const lookup: ReleaseLookup = (id) => ({ django, express })[id];
const value = (cycles: ReleaseCycle[], line?: string, show?: string) =>
  releaseValue(cycles, { line, show }, today, formatDay);

describe('releaseValue', () => {
  it('defaults to the newest released line', () => {
    expect(value(django)).toBe('6.1');
    expect(value(django, 'current', 'latest')).toBe('6.1');
    expect(value(express, undefined, 'latest')).toBe('5.2.1');
  });

  it('finds the supported LTS line and explicit lines', () => {
    expect(value(django, 'lts')).toBe('5.2');
    expect(value(django, 'lts', 'eol')).toBe('30 April 2028');
    expect(value(django, '4.2', 'eol')).toBe('7 April 2026');
    expect(value(django, '5.2', 'released')).toBe('2 April 2025');
    expect(value(django, '6.1', 'eoas')).toBe('30 April 2027');
  });

  it('says where a line stands in words', () => {
    expect(value(django, '4.2', 'support')).toBe('out of support since 8 April 2026');
    expect(value(express, '4', 'support')).toBe('security fixes only, no end date announced');
    expect(value(django, 'lts', 'support')).toBe('security fixes only, until 30 April 2028');
  });

  it('refuses what the data cannot answer, never returning undefined', () => {
    expect(() => value(express, 'lts')).toThrow(/no LTS line is supported on 2026-11-27/);
    expect(() => value(django, '9.9')).toThrow(/no line "9.9" in the data/);
    expect(() => value(django, 'current', 'eta')).toThrow(/unknown show="eta"/);
    expect(() => value(express, '5', 'eol')).toThrow(/line 5 has no end-of-support date in the data \(not announced\)/);
  });
});

describe('release tags in Markdown', () => {
  it('parses attributes in any order and refuses unknown or malformed ones', () => {
    expect(parseReleaseTag('<Release show="eol" of="django" line="lts" />')).toEqual({
      of: 'django',
      line: 'lts',
      show: 'eol',
    });
    expect(parseReleaseTag('<Release of="express"/>')).toEqual({ of: 'express', line: undefined, show: undefined });
    expect(() => parseReleaseTag('<Release of="django" lne="lts" />')).toThrow(/unknown attribute lne/);
    expect(() => parseReleaseTag('<Release of=django />')).toThrow(/cannot read the attributes/);
    expect(() => parseReleaseTag('<Release line="lts" />')).toThrow(/missing of=/);
  });

  it('resolves every tag of an answer, and names the answer and the tag when one fails', () => {
    const answer =
      'Django <Release of="django" line="lts" /> gets security fixes until <Release of="django" line="lts" show="eol" />.';
    expect(resolveReleaseTags(answer, lookup, today, formatDay, 'faq x')).toBe(
      'Django 5.2 gets security fixes until 30 April 2028.',
    );
    expect(() =>
      resolveReleaseTags('On <Release of="djano" />.', lookup, today, formatDay, 'content/faq.yaml (id: x)'),
    ).toThrow('content/faq.yaml (id: x): <Release of="djano" />: unknown release data of="djano"');
  });

  it('keeps its straight quotes through typesetting (the FAQ’s strings are typeset when loaded)', () => {
    expect(typeset('Django\'s "LTS" is <Release of="django" line="lts" />.')).toBe(
      'Django’s “LTS” is <Release of="django" line="lts" />.',
    );
  });
});

describe('releaseTagProblems (the build’s check)', () => {
  const check = (file: string, text: string) => releaseTagProblems([{ file, text }], lookup, today, formatDay);
  const mdx = (body: string, front = 'title: x') =>
    `---\n${front}\n---\nimport Release from '../../src/components/mdx/Release.astro';\n\n${body}\n`;

  it('passes good tags and names file and line of a bad one', () => {
    expect(check('a.mdx', mdx('Django <Release of="django" />.'))).toEqual([]);
    expect(check('a.mdx', mdx('One.\n\nTwo <Release of="django" line="7.0" />.'))).toEqual([
      expect.stringMatching(/^a\.mdx:8: <Release of="django" line="7\.0" \/>: no line "7\.0"/),
    ]);
    expect(check('faq.yaml', '- id: a\n  answer: |\n    Until <Release of="express" show="eol" />.')).toEqual([
      expect.stringMatching(/^faq\.yaml:3: .*not announced/),
    ]);
  });

  it('refuses a tag in frontmatter, and a body tag without the import', () => {
    expect(check('a.mdx', mdx('Body.', 'verdict: "until <Release of=\\"django\\" />"'))).toEqual([
      expect.stringMatching(/^a\.mdx:2: .*not resolved in frontmatter/),
    ]);
    expect(check('b.mdx', '---\nx: 1\n---\nDjango <Release of="django" />.\n')).toEqual([
      expect.stringMatching(/^b\.mdx: uses <Release \/> without importing it/),
    ]);
  });

  it('refuses a tag in plain Markdown, where nothing renders it, and names the fix', () => {
    expect(check('c.md', '---\ntitle: x\n---\n\nDjango <Release of="django" />.\n')).toEqual([
      'c.md:5: <Release of="django" />: release tags need MDX; rename the file to .mdx and import Release',
    ]);
    expect(check('c.md', '---\ntitle: x\n---\n\nNo tag here.\n')).toEqual([]);
  });

  it('reads the real release data', () => {
    const byId = new Map(readReleaseFiles().map((p) => [p.id, p.cycles]));
    // One file for each framework and each runtime the articles name, and no other.
    const named = new Set(frameworkEntries.flatMap((f) => [f.data.releases.framework, f.data.releases.runtime]));
    expect([...byId.keys()].sort()).toEqual([...named].sort());
    expect(releaseValue(byId.get('dotnet')!, { line: '11', show: 'eol' }, today, formatDay)).toBe('14 November 2028');
  });
});
