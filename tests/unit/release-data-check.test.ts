import { describe, expect, it } from 'vitest';
import { releaseDataCheck } from '../../src/integrations/release-data';
import { releaseDataWarnings } from '../../src/lib/releases';
import { asOf } from '../../src/site';
import { releaseEntries } from '../support/collections';

describe('the release-data check at build start', () => {
  it('reads content/releases as the schema does (overrides applied) and warns exactly what the data calls for', () => {
    const warned: string[] = [];
    const hook = releaseDataCheck().hooks['astro:build:start'] as unknown as (options: {
      logger: { warn: (m: string) => void };
    }) => void;
    hook({ logger: { warn: (m) => warned.push(m) } });
    const expected = releaseDataWarnings(
      releaseEntries.map((r) => ({ id: r.id, checkedAt: r.data.checkedAt, cycles: r.data.cycles })),
      asOf,
    );
    expect(warned).toEqual(expected);
  });
});
