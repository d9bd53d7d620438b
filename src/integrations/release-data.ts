/**
 * Before each build, checks the release data against the site's day (src/site.ts `asOf`) and warns when it is
 * older than 90 days or when a framework's or runtime's newest line is already out of support: the facts on the
 * site would then be stale, and `npm run facts:refresh` (or a sourced override) is due. Reads the YAML directly:
 * integrations run before the content layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { applyOverrides, releaseDataWarnings, type CycleOverride, type ReleaseCycle } from '../lib/releases.ts';
import { asOf } from '../site.ts';

const DIR = 'content/releases';

export function releaseDataCheck(): AstroIntegration {
  return {
    name: 'release-data',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const products = readdirSync(DIR)
          .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
          .map((file) => {
            const data = parse(readFileSync(join(DIR, file), 'utf8')) as { endoflife?: { checkedAt: string; cycles: ReleaseCycle[] }; overrides?: CycleOverride[] };
            // The `yaml` package reads dates as strings, as facts:refresh wrote them; the build validates the schema.
            return { id: file.slice(0, -'.yaml'.length), checkedAt: data.endoflife?.checkedAt, cycles: applyOverrides(data.endoflife?.cycles ?? [], data.overrides ?? []) };
          });
        for (const warning of releaseDataWarnings(products, asOf)) logger.warn(warning);
      },
    },
  };
}
