/**
 * Checks for the articles' code samples (content/frameworks/<slug>/sample.<ext>). Pure: text in, findings
 * out; reading the files is the caller's job.
 *
 * Syntax is checked by the tree-sitter grammars VS Code ships as WebAssembly (`@vscode/tree-sitter-wasm`),
 * run through `web-tree-sitter`. Tree-sitter always returns a tree: a syntax error shows up as an ERROR
 * node (text it could not parse) or a MISSING node (a token it had to assume, such as a `)` or `;`).
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

/** Each sample file extension: its tree-sitter grammar and its `<CodeSample lang>` (Shiki) id. */
export const SAMPLE_LANGUAGES = {
  js: { grammar: 'javascript', lang: 'js' },
  ts: { grammar: 'typescript', lang: 'ts' },
  py: { grammar: 'python', lang: 'python' },
  java: { grammar: 'java', lang: 'java' },
  php: { grammar: 'php', lang: 'php' },
  cs: { grammar: 'c-sharp', lang: 'csharp' },
  go: { grammar: 'go', lang: 'go' },
  rb: { grammar: 'ruby', lang: 'ruby' },
} as const;

export type SampleExtension = keyof typeof SAMPLE_LANGUAGES;

/** The extension of a sample file, refused (naming the file) when no grammar is set up for it. */
export function sampleExtension(file: string): SampleExtension {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1] ?? '';
  if (!Object.hasOwn(SAMPLE_LANGUAGES, ext)) {
    throw new Error(`${file}: no grammar for ".${ext}" (known: ${Object.keys(SAMPLE_LANGUAGES).join(', ')})`);
  }
  return ext as SampleExtension;
}

/** One syntax error. `line` and `column` are 1-based; columns count UTF-16 code units, as editors mostly do. */
export interface SyntaxProblem {
  file: string;
  line: number;
  column: number;
  /** `error`: text the grammar could not parse; `missing`: a token the parser had to insert. */
  kind: 'error' | 'missing';
  /** The unparsed text (first line, shortened) or the missing token. */
  text: string;
}

const require = createRequire(import.meta.url);
const languages = new Map<string, Promise<Language>>();
let ready: Promise<void> | undefined;

function grammar(name: string): Promise<Language> {
  ready ??= Parser.init();
  let language = languages.get(name);
  if (!language) {
    const wasm = require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${name}.wasm`);
    language = ready.then(() => Language.load(wasm));
    languages.set(name, language);
  }
  return language;
}

function shorten(text: string): string {
  const first = text.split('\n')[0]!.trim();
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/**
 * Every ERROR and MISSING node in `source`, in file order. Nested ones are kept: an ERROR starts where the
 * parser first lost track, which is sometimes the mistake itself (a missing colon) and sometimes the start
 * of the statement around it (a bracket closed with the wrong character, flagged again further in).
 */
export async function syntaxProblems(file: string, source: string): Promise<SyntaxProblem[]> {
  const language = await grammar(SAMPLE_LANGUAGES[sampleExtension(file)].grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`${file}: tree-sitter returned no tree`);
  const problems: SyntaxProblem[] = [];
  const report = (node: Node, kind: SyntaxProblem['kind'], text: string) =>
    problems.push({ file, line: node.startPosition.row + 1, column: node.startPosition.column + 1, kind, text });

  const visit = (node: Node): void => {
    if (node.isMissing) report(node, 'missing', node.type);
    else if (node.isError) report(node, 'error', shorten(node.text));
    for (const child of node.children) visit(child);
  };
  try {
    visit(tree.rootNode);
  } finally {
    tree.delete();
    parser.delete();
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `file:line:column: …`, the form editors and terminals turn into a link. */
export function formatProblem(p: SyntaxProblem): string {
  const what = p.kind === 'missing' ? `missing "${p.text}"` : `syntax error at "${p.text}"`;
  return `${p.file}:${p.line}:${p.column}: ${what}`;
}

/** What a sample says it targets: `Targets: <Framework> <major>` in its first comment. */
export interface SampleTarget {
  framework: string;
  major: number;
  /** 1-based line of the comment. */
  line: number;
}

/**
 * Reads the `Targets:` comment on the sample's first line (the second in PHP, after `<?php`), written
 * `// Targets: Express 5` or `# Targets: Django 6`. Undefined when that line is not such a comment.
 */
export function readTarget(source: string): SampleTarget | undefined {
  const lines = source.split(/\r?\n/);
  const index = lines[0]?.trim() === '<?php' ? 1 : 0;
  const match = /^\s*(?:\/\/|#)\s*Targets:\s*(\S.*?)\s+(\d+)\s*$/.exec(lines[index] ?? '');
  if (!match) return undefined;
  return { framework: match[1]!, major: Number(match[2]), line: index + 1 };
}

/** The major of a version string such as "5.2.1" or "11.0". */
export function majorOf(version: string): number {
  const match = /^(\d+)(?:\.|$)/.exec(version);
  if (!match) throw new Error(`"${version}" does not start with a major version number`);
  return Number(match[1]);
}
