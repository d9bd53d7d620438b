/**
 * The one place that picks where subscribers live, for the server (runtime.ts) and the CLI alike: PostgreSQL
 * when DATABASE_URL is set, else the SQLite file. Each store is imported only when chosen, so SQLite users never
 * load `pg`, and a Node without node:sqlite fails here with a message instead of at start-up.
 */
import { redactDatabaseUrl, type NewsletterConfig } from './config.ts';
import type { SubscriberStore } from './store.ts';

export interface OpenedStore {
  store: SubscriberStore;
  /** Where the subscribers are, for a log line (no password). */
  location: string;
}

export async function openStore(config: Pick<NewsletterConfig, 'databaseUrl' | 'dbPath'>): Promise<OpenedStore> {
  if (config.databaseUrl) {
    const { PgSubscriberStore } = await import('./pg-store.ts');
    const location = `PostgreSQL ${redactDatabaseUrl(config.databaseUrl)}`;
    const store = await PgSubscriberStore.open(config.databaseUrl).catch((cause: unknown) => {
      throw new Error(
        `Cannot open the newsletter database at ${location}: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    });
    return { store, location };
  }
  const { SqliteSubscriberStore } = await import('./sqlite-store.ts').catch((cause: unknown) => {
    throw new Error(
      'The newsletter store needs Node 22.5 or later (node:sqlite): start the server with `npm run serve`.',
      { cause },
    );
  });
  return { store: SqliteSubscriberStore.open(config.dbPath), location: config.dbPath };
}
