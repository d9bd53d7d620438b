/**
 * The delivery loop as a process runs it, from the environment: the store (openStore), the mailer, and the loop
 * (delivery.ts). Used by the server's delivery thread (scripts/lib/delivery-thread.mjs) and by
 * `npm run newsletter -- deliver`. A store that cannot be opened yet (PostgreSQL still starting) is tried again,
 * backing off, until it opens or the runner is stopped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { site, siteUrl } from '../site.ts';
import { readConfig, type NewsletterConfig } from './config.ts';
import { deliverDue, startDeliveryLoop, type DeliveryDeps, type DeliveryRound } from './delivery.ts';
import { createMailer, removeStalePartials } from './mailer.ts';
import { openStore } from './open-store.ts';

type Env = Record<string, string | undefined>;

export interface DeliveryRunner {
  /** Ends the round in progress, then closes the store and the mailer. */
  stop(): Promise<void>;
}

/** What the loop needs, opened from the settings; the caller closes it. `logEachEmail` names every .eml written. */
async function open(
  config: NewsletterConfig,
  log: (message: string) => void,
  logEachEmail: boolean,
): Promise<DeliveryDeps & { close(): Promise<void> }> {
  const { store } = await openStore(config);
  // A send must end before its claim does: the SMTP conversation gets half the lease at most.
  const mailer = createMailer({
    from: config.from,
    smtpUrl: config.smtpUrl,
    outbox: config.outbox,
    smtpTimeoutMs: config.mailLeaseMs / 2,
    log: logEachEmail ? console.info : () => {},
  });
  // Half-written .eml files of a killed process: their emails are claimed again and written anew.
  if (!config.smtpUrl) await removeStalePartials(config.outbox, config.mailLeaseMs);
  return {
    store,
    mailer,
    siteName: site.name,
    leaseMs: config.mailLeaseMs,
    log,
    close: async () => {
      mailer.close();
      await store.close();
    },
  };
}

/** Runs the loop until stopped. */
export function startDeliveryRunner(env: Env, log: (message: string) => void = console.error): DeliveryRunner {
  const stopping = new AbortController();
  const config = readConfig(env, siteUrl());
  const running = (async () => {
    let deps: Awaited<ReturnType<typeof open>> | undefined;
    for (let failures = 0; !deps; failures++) {
      try {
        deps = await open(config, log, true);
      } catch (error) {
        log(`[newsletter] delivery waits for the store: ${error instanceof Error ? error.message : String(error)}`);
        const stopped = await sleep(Math.min(1000 * 2 ** failures, 30_000), false, { signal: stopping.signal }).catch(
          () => true,
        );
        if (stopped) return;
      }
    }
    const loop = startDeliveryLoop(deps);
    await new Promise((resolve) => stopping.signal.addEventListener('abort', resolve, { once: true }));
    await loop.stop();
    await deps.close();
  })();
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}

/** Sends everything due now, round after round, and returns the totals: `npm run newsletter -- deliver --once`. */
export async function deliverAllDue(env: Env, log: (message: string) => void = console.error): Promise<DeliveryRound> {
  const deps = await open(readConfig(env, siteUrl()), log, false);
  const total: DeliveryRound = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  try {
    for (;;) {
      const round = await deliverDue(deps);
      for (const key of Object.keys(total) as (keyof DeliveryRound)[]) total[key] += round[key];
      // Emails that failed now wait for a later retry: they are not due again in this run.
      if (round.claimed === 0) return total;
    }
  } finally {
    await deps.close();
  }
}
