import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  majorOf,
  readTarget,
  SAMPLE_LANGUAGES,
  sampleExtension,
  syntaxProblems,
} from '../support/code-samples';

/** The smallest valid program in each language: proves each grammar loads (its ABI suits web-tree-sitter). */
const VALID: Record<keyof typeof SAMPLE_LANGUAGES, string> = {
  js: 'const answer = [1, 2].map((n) => n * 2);\n',
  ts: 'const answer: number[] = [1, 2].map((n) => n * 2);\n',
  py: 'def answer() -> int:\n    return 42\n',
  java: 'class A {\n    int answer() { return 42; }\n}\n',
  php: "<?php\n$answer = ['value' => 42];\n",
  cs: 'int[] answer = [42];\nrecord Book(int Id);\n',
  go: 'package main\n\nfunc answer() int { return 42 }\n',
  rb: 'def answer = { value: 42 }\n',
};

describe('syntaxProblems', () => {
  it.each(Object.entries(VALID))('loads the %s grammar and finds nothing wrong in valid code', async (ext, source) => {
    expect(await syntaxProblems(`ok.${ext}`, source)).toEqual([]);
  });

  it('reports a token the parser had to assume as MISSING, at its 1-based line and column', async () => {
    expect(await syntaxProblems('a.js', 'const x = 1;\nif (x {\n  go();\n}\n')).toEqual([
      { file: 'a.js', line: 2, column: 6, kind: 'missing', text: ')' },
    ]);
  });

  it('reports text it could not parse as ERROR, with that text', async () => {
    const problems = await syntaxProblems('a.py', 'x = 1\nif x\n    pass\n');
    expect(problems[0]).toMatchObject({ file: 'a.py', line: 2, column: 1, kind: 'error' });
    expect(problems[0]!.text).toMatch(/^if x/);
  });

  it('keeps nested errors, sorted by position', async () => {
    const problems = await syntaxProblems('a.cs', 'var app = Go(new { a = b[1] ));\napp.Run();\n');
    expect(problems.length).toBeGreaterThan(1);
    const positions = problems.map((p) => p.line * 1000 + p.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('refuses a file it has no grammar for, naming it', () => {
    expect(() => sampleExtension('content/frameworks/phoenix/sample.ex')).toThrow(/sample\.ex: no grammar for "\.ex"/);
  });
});

describe('formatProblem', () => {
  it('writes file:line:column, which terminals and editors link', () => {
    expect(formatProblem({ file: 'x/sample.js', line: 8, column: 64, kind: 'missing', text: ')' })).toBe(
      'x/sample.js:8:64: missing ")"',
    );
    expect(formatProblem({ file: 'x/sample.py', line: 9, column: 5, kind: 'error', text: 'if x' })).toBe(
      'x/sample.py:9:5: syntax error at "if x"',
    );
  });
});

describe('readTarget', () => {
  it('reads the first line in // and # comments, including names with spaces', () => {
    expect(readTarget('// Targets: Spring Boot 4\npackage a;\n')).toEqual({
      framework: 'Spring Boot',
      major: 4,
      line: 1,
    });
    expect(readTarget('# Targets: Django 6\nimport os\n')).toEqual({ framework: 'Django', major: 6, line: 1 });
    expect(readTarget('# Targets: Ruby on Rails 8\nmodule Api\nend\n')).toEqual({
      framework: 'Ruby on Rails',
      major: 8,
      line: 1,
    });
  });

  it('reads the second line of PHP, after <?php', () => {
    expect(readTarget('<?php\n// Targets: Laravel 13\n')).toEqual({ framework: 'Laravel', major: 13, line: 2 });
  });

  it('is undefined without the comment, when it is not first, or without a plain major', () => {
    expect(readTarget('import express from "express";\n')).toBeUndefined();
    expect(readTarget('import x from "x";\n// Targets: Express 5\n')).toBeUndefined();
    expect(readTarget('// Targets: Express 5.x\n')).toBeUndefined();
    expect(readTarget('// Targets: Express\n')).toBeUndefined();
  });
});

describe('majorOf', () => {
  it.each([
    ['5.2.1', 5],
    ['11.0', 11],
    ['13', 13],
  ])('%s → %i', (version, major) => expect(majorOf(version)).toBe(major));

  it('refuses a version that does not start with a number', () => {
    expect(() => majorOf('v5.2')).toThrow(/v5\.2/);
  });
});
