/**
 * Before each build, checks the release data against the site's day (src/site.ts `asOf`) and warns when it is
 * older than 90 days or when a framework's or runtime's newest line is already out of support: the facts on the
 * site would then be stale, and `npm run facts:refresh` (or a sourced override) is due. Then checks every release
 * tag in the content (`<Release of="…" />`, src/lib/release-tags.ts) against the same data, and stops the build on
 * any the data cannot answer, naming file, line and tag. Reads the files directly: integrations run before the
 * content layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatDay } from '../lib/dates.ts';
import { isEntryFileName } from '../content-files/entries.ts';
import { readReleaseFiles } from '../content-files/releases.ts';
import { releaseTagProblems, type SourceFile } from '../lib/release-tags.ts';
import { releaseDataWarnings } from '../lib/releases.ts';
import { asOf } from '../site.ts';

/** Where release tags may be written (or written by mistake): every Markdown and MDX entry, and the FAQ. */
export function contentWithTags(root = 'content'): SourceFile[] {
  const entries = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? entries(join(dir, d.name)) : isEntryFileName(d.name) ? [join(dir, d.name)] : [],
    );
  const files = [...['frameworks', 'trends', 'versus'].flatMap((c) => entries(join(root, c))), join(root, 'faq.yaml')];
  return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

export function releaseDataCheck(): AstroIntegration {
  return {
    name: 'release-data',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const products = readReleaseFiles();
        for (const warning of releaseDataWarnings(products, asOf)) logger.warn(warning);
        const byId = new Map(products.map((p) => [p.id, p.cycles]));
        const problems = releaseTagProblems(contentWithTags(), (id) => byId.get(id), asOf, formatDay);
        if (problems.length)
          throw new Error(`release tags the data cannot answer (${problems.length}):\n${problems.join('\n')}`);
      },
    },
  };
}
