/**
 * The real collections, parsed from disk through the real schemas (as Astro's content layer does). Frameworks carry
 * the version fields their pages get from the release data (src/data/frameworks.ts), for the site's day.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { frameworkSchema, releaseSchema, trendSchema, versusSchema } from '../../src/content.config';
import { readEntryCollection } from '../../src/content-files/entries';
import { versionFields } from '../../src/lib/releases';
import { asOf } from '../../src/site';

export const releaseEntries = readdirSync('content/releases')
  .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
  .map((f) => ({
    id: f.slice(0, -'.yaml'.length),
    data: releaseSchema.parse(parse(readFileSync(`content/releases/${f}`, 'utf8'))),
  }));

const cyclesOf = (id: string) => releaseEntries.find((r) => r.id === id)!.data.cycles;

export const frameworkEntries = readEntryCollection('content/frameworks').map((f) => {
  const data = frameworkSchema.parse(f.data);
  return { id: f.id, data: { ...data, ...versionFields(cyclesOf(data.releases.framework), asOf) } };
});
export const trendEntries = readEntryCollection('content/trends').map((t) => ({
  id: t.id,
  data: trendSchema.parse(t.data),
}));
export const versusEntries = readEntryCollection('content/versus').map((v) => ({
  id: v.id,
  data: versusSchema.parse(v.data),
  body: v.body,
}));
