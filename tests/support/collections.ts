/** The real collections, parsed from disk through the real schemas (as Astro's content layer does). */
import { frameworkSchema, trendSchema, versusSchema } from '../../src/content.config';
import { readMdxCollection } from '../../src/lib/content-files';

export const frameworkEntries = readMdxCollection('content/frameworks').map((f) => ({ id: f.id, data: frameworkSchema.parse(f.data) }));
export const trendEntries = readMdxCollection('content/trends').map((t) => ({ id: t.id, data: trendSchema.parse(t.data) }));
export const versusEntries = readMdxCollection('content/versus').map((v) => ({ id: v.id, data: versusSchema.parse(v.data), body: v.body }));
