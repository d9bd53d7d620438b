/**
 * The newsletter's delivery loop in a worker thread of the server process: it sends the confirmation emails that
 * signups queue, on the second core, so no request waits on a mail server. `startDeliveryThread()` starts it
 * (and starts it again if it ever dies); `stop()` lets the round in progress finish. NEWSLETTER_DELIVERY=separate
 * leaves delivery to `npm run newsletter -- deliver` instead.
 */
import { once } from 'node:events';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const RESTART_AFTER_MS = 5_000;

export function startDeliveryThread() {
  let worker;
  let stopping = false;
  const start = () => {
    worker = new Worker(new URL(import.meta.url), { env: process.env });
    worker.on('error', (error) => console.error(`[newsletter] the delivery thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (stopping) return;
      console.error(
        `[newsletter] the delivery thread ended (${code}); starting it again in ${RESTART_AFTER_MS / 1000} s`,
      );
      setTimeout(start, RESTART_AFTER_MS).unref();
    });
  };
  start();
  return {
    async stop() {
      stopping = true;
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}

if (!isMainThread) {
  const { startDeliveryRunner } = await import('../../src/newsletter/delivery-runner.ts');
  const runner = startDeliveryRunner(process.env);
  parentPort.once('message', async () => {
    await runner.stop();
    parentPort.close();
  });
}
