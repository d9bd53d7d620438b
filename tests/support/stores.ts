/**
 * Which subscriber stores the parameterised suites run on: SQLite always, PostgreSQL when DATABASE_URL reaches a
 * server. Without one the PostgreSQL variants are not registered at all (a skipped test fails `npm test`), and
 * one line says why; with CI=true a missing PostgreSQL is a failing test instead.
 */
import { it } from 'vitest';
import { postgresNotRun, postgresRequired, probePostgres } from '../../scripts/lib/postgres.mjs';

export type StoreKind = 'sqlite' | 'postgres';

const probe = await probePostgres();

/** The server DATABASE_URL points to, when reachable: suites create their own databases on it. */
export const postgresUrl: string | undefined = probe.url;

/** Call once at the top level of a suite file. */
export function storeKinds(): StoreKind[] {
  if (probe.reason === undefined) return ['sqlite', 'postgres'];
  const line = postgresNotRun(probe.reason);
  if (postgresRequired()) {
    it('runs the PostgreSQL variant too (CI=true needs a reachable DATABASE_URL)', () => {
      throw new Error(line);
    });
  } else {
    console.warn(line);
  }
  return ['sqlite'];
}
