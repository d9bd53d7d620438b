/**
 * The W3C Nu Html Checker: vnu.jar from the vnu-jar package, run once over many files by the system's Java
 * (Debian's default-jre-headless; .ci/run installs it). We never run the package's own launcher, which would
 * download a JDK when Java is missing.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'internal' | 'io' | 'schema';
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Warnings we do not act on, each with the reason (and, where given, only around that markup). Everything else the checker says is a failure. */
export const IGNORED_WARNINGS: { message: RegExp; extract?: RegExp; reason: string }[] = [
  {
    message: /^Resource violates Content Security Policy \(meta tag\)/,
    reason:
      "The checker reads pages as file: URLs, where 'self' matches nothing, so it reports our own /_astro/ scripts and stylesheet. Served over HTTP they are same-origin; Chromium applies the real policy in tests/e2e/security.spec.ts.",
  },
  {
    message: /^Inline script violates Content Security Policy \(meta tag\)/,
    reason:
      'The checker applies script-src to JSON-LD data blocks, which browsers do not run, and hashes an inline script without its surrounding whitespace, which browsers do not do (the theme script ends with a newline). tests/build/dist.test.ts checks that each page allows exactly its inline code by hash, and Chromium runs it under the policy in tests/e2e/security.spec.ts.',
  },
];

/**
 * Errors where the checker is behind the HTML standard, each only around the markup named. Everything else it calls
 * an error is a failure.
 */
export const OUTDATED_ERRORS: { message: RegExp; extract: RegExp; reason: string }[] = [
  {
    message: /^A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”\.$/,
    extract: /<link rel="expect" href="#[\w-]+" blocking="render">/,
    reason:
      'The standard allows blocking="render" on rel="expect" links too (HTML § link-type-expect, in Chrome since 124 and in Safari); vnu-jar 26.9.27 knows only stylesheets. tests/e2e/first-paint.spec.ts checks what the link does in Chromium.',
  },
];

type Exception = { message: RegExp; extract?: RegExp };
const excepted = (m: NuMessage, list: Exception[]) =>
  list.some((e) => e.message.test(m.message) && (!e.extract || e.extract.test(m.extract ?? '')));

/** Runs the checker once over `files` (one JVM start) and returns every message, by file path relative to the working directory. */
export function nuCheck(files: string[]): Map<string, NuMessage[]> {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `Cannot run the Nu Html Checker: ${run.error.message}. It needs Java 17+ (apt-get install -y default-jre-headless).`,
    );
  let messages: NuMessage[];
  try {
    messages = (JSON.parse(run.stdout) as { messages: NuMessage[] }).messages;
  } catch {
    throw new Error(`The Nu Html Checker did not answer in JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const byFile = new Map<string, NuMessage[]>(files.map((f) => [f, []]));
  for (const m of messages) {
    const file = m.url ? relative('.', fileURLToPath(m.url)) : '(no file)';
    byFile.set(file, [...(byFile.get(file) ?? []), m]);
  }
  return byFile;
}

/**
 * What fails the gate, as "line:column message": errors not in OUTDATED_ERRORS, and warnings not in IGNORED_WARNINGS. Plain info
 * messages are not conformance problems (the only ones today: "Trailing slash on void elements", Astro's
 * `<meta … />` style, which html-validate's `void-style` is off for too).
 */
export function nuProblems(messages: NuMessage[]): string[] {
  return messages
    .filter((m) =>
      m.type === 'info' ? m.subType === 'warning' && !excepted(m, IGNORED_WARNINGS) : !excepted(m, OUTDATED_ERRORS),
    )
    .sort((a, b) => (a.lastLine ?? 0) - (b.lastLine ?? 0) || (a.firstColumn ?? 0) - (b.firstColumn ?? 0))
    .map(
      (m) =>
        `${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.type === 'info' ? 'warning' : m.subType === 'fatal' ? 'fatal error' : 'error'}: ${m.message}`,
    );
}
