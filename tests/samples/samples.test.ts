import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  majorOf,
  readTarget,
  SAMPLE_LANGUAGES,
  sampleExtension,
  syntaxProblems,
} from '../support/code-samples';
import { readEntryCollection } from '../../src/content-files/entries';
import { frameworkEntries } from '../support/collections';

/** Each framework article with the sample file(s) beside it. */
const articles = readEntryCollection('content/frameworks').map((article) => {
  const folder = dirname(article.file);
  const samples = readdirSync(folder).filter((name) => /^sample\.[^.]+$/.test(name));
  return { ...article, folder, samples };
});
const samples = articles.flatMap((a) =>
  a.samples.map((name) => ({
    article: a,
    file: join(a.folder, name),
    source: readFileSync(join(a.folder, name), 'utf8'),
  })),
);

describe('the sample shown is the sample checked', () => {
  it.each(articles.map((a) => [a.id, a] as const))(
    '%s shows its one sample.<ext> file through <CodeSample>',
    (_id, article) => {
      expect(article.samples, `${article.folder} should hold exactly one sample.<ext>`).toHaveLength(1);
      const name = article.samples[0]!;
      const imports = [...article.body.matchAll(/^import (\w+) from '\.\/(sample\.[^'?]+)\?raw';$/gm)];
      expect(
        imports.map((m) => m[2]),
        `${article.file} imports`,
      ).toEqual([name]);
      const tags = [...article.body.matchAll(/<CodeSample\b[^>]*\/>/g)].map((m) => m[0]);
      expect(tags, `${article.file} <CodeSample> tags`).toEqual([
        `<CodeSample code={${imports[0]![1]}} lang="${SAMPLE_LANGUAGES[sampleExtension(name)].lang}" file="${name}" />`,
      ]);
    },
  );
});

describe('every sample parses (tree-sitter)', () => {
  it.each(samples.map((s) => [s.file, s] as const))('%s has no ERROR or MISSING node', async (file, sample) => {
    const problems = await syntaxProblems(file, sample.source);
    expect(problems.map(formatProblem), 'syntax errors').toEqual([]);
  });
});

describe('every sample targets the version its article describes', () => {
  it.each(samples.map((s) => [s.file, s] as const))(
    '%s: "Targets:" names the framework and currentVersion major',
    (file, sample) => {
      const target = readTarget(sample.source);
      expect(
        target,
        `${file}: first comment line (second in PHP) should read "Targets: <Framework> <major>"`,
      ).toBeDefined();
      // The version the article's fact box shows, from the release data for the site's day.
      const { name, currentVersion } = frameworkEntries.find((f) => f.id === sample.article.id)!.data;
      expect(target!.framework, `${file}:${target!.line}`).toBe(name);
      expect(
        target!.major,
        `${file}:${target!.line} vs the current version ${currentVersion} in content/releases`,
      ).toBe(majorOf(currentVersion));
    },
  );
});

describe('the checker rejects broken samples (tests/fixtures/samples)', () => {
  /** Each fixture and the line its mistake is on (also stated in the fixture's first comment). */
  const FIXTURES: [string, number][] = [
    ['tests/fixtures/samples/broken.js', 8],
    ['tests/fixtures/samples/broken.ts', 9],
    ['tests/fixtures/samples/broken.py', 9],
    ['tests/fixtures/samples/broken.java', 16],
    ['tests/fixtures/samples/broken.php', 9],
    ['tests/fixtures/samples/broken.cs', 5],
    ['tests/fixtures/samples/broken.go', 9],
    ['tests/fixtures/samples/broken.rb', 9],
  ];

  it('has a broken fixture for every language the samples use', () => {
    const used = new Set(samples.map((s) => sampleExtension(s.file)));
    const covered = new Set(FIXTURES.map(([file]) => sampleExtension(file)));
    for (const ext of used) expect(covered, `no broken .${ext} fixture`).toContain(ext);
  });

  it.each(FIXTURES)('%s is rejected at line %i', async (file, line) => {
    const source = readFileSync(file, 'utf8');
    expect(source.split('\n')[source.startsWith('<?php') ? 1 : 0], 'the fixture says where it is broken').toContain(
      `line ${line}`,
    );
    const problems = await syntaxProblems(file, source);
    expect(problems.length, 'should report a syntax error').toBeGreaterThan(0);
    expect(formatProblem(problems[0]!)).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:${line}:\\d+: `));
  });
});
