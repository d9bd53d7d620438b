/**
 * PostgreSQL for the tests and the signup benchmark: whether DATABASE_URL names a reachable server, and
 * throwaway databases on it (a random name per suite or run, dropped afterwards, so runs never see each other's
 * rows). The role in DATABASE_URL needs CREATEDB.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactDatabaseUrl } from '../../src/newsletter/config.ts';

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<{ url: string, reason?: undefined } | { url?: undefined, reason: string }>}
 */
export async function probePostgres(env = process.env) {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { reason: 'DATABASE_URL is not set' };
  try {
    await withClient(url, (client) => client.query('SELECT 1'));
    return { url };
  } catch (error) {
    return { reason: `cannot reach ${redactDatabaseUrl(url)} (${error instanceof Error ? error.message : error})` };
  }
}

/** The one line printed wherever PostgreSQL tests were left out. */
export const postgresNotRun = (/** @type {string} */ reason) =>
  `PostgreSQL store tests not run: ${reason} (see README › Tests)`;

/** CI must test both stores: there a missing PostgreSQL is a failure, not a note. */
export const postgresRequired = (env = process.env) => env.CI === 'true';

/**
 * Creates an empty database with a random name on the server `url` points to.
 * @param {string} url
 * @param {string} prefix lower-case letters and underscores
 * @returns {Promise<{ url: string, name: string, drop: () => Promise<void> }>}
 */
export async function createScratchDatabase(url, prefix) {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`scratch database prefix "${prefix}": lower-case letters and _ only`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    name,
    // FORCE: a server killed mid-test may leave connections behind for a moment.
    drop: () =>
      withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/**
 * One short-lived connection.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
