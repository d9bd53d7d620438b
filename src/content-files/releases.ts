/**
 * The release data read straight from `content/releases/*.yaml`, with our overrides applied as the collection's
 * schema does: for code that runs before or outside the content layer (the build's integrations, tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyOverrides, type CycleOverride, type ReleaseCycle } from '../lib/releases.ts';

export interface ReleaseFile {
  id: string;
  checkedAt: string | undefined;
  cycles: ReleaseCycle[];
}

export function readReleaseFiles(dir = 'content/releases'): ReleaseFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .map((file) => {
      const data = parse(readFileSync(join(dir, file), 'utf8')) as {
        endoflife?: { checkedAt: string; cycles: ReleaseCycle[] };
        checkedAt?: string;
        overrides?: CycleOverride[];
      };
      // The `yaml` package reads dates as strings, as facts:refresh wrote them; the build validates the schema.
      return {
        id: file.slice(0, -'.yaml'.length),
        checkedAt: data.endoflife?.checkedAt ?? data.checkedAt,
        cycles: applyOverrides(data.endoflife?.cycles ?? [], data.overrides ?? []),
      };
    });
}
