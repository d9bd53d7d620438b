// @ts-check
/**
 * Astro's console log without one kind of line: "├─ /compare/laravel-vs-django/index.html (+0ms) (file not
 * created, response body was empty)", printed by every build for each redirect of astro.config.mjs. The Node
 * adapter answers those redirects at request time and asks Astro for no file (`build.redirects: false`), so the
 * line reports nothing wrong, yet reads like an error. An empty body on any other path is still shown.
 * JavaScript, not TypeScript: Astro loads a logger (`logger.entrypoint`) without compiling it.
 */
import { stripVTControlCharacters } from 'node:util';
import nodeLog from 'astro/logger/node';

/** @typedef {{ level: string; label: string | null; message: string; newLine: boolean }} LogEvent */
/** @typedef {{ write(event: LogEvent): void; flush?(): void; close?(): void }} LogDestination */

/**
 * Wraps `destination`, dropping the two events of the "file not created" line of each path in `redirects` (the
 * route's file name, then its timing and the note).
 * @param {LogDestination} destination
 * @param {string[]} redirects paths as in astro.config.mjs `redirects`, e.g. "/compare/laravel-vs-django"
 * @returns {LogDestination}
 */
export function withoutRedirectFiles(destination, redirects) {
  const files = new Set(redirects.map((from) => `${from.replace(/\/$/, '')}/index.html`));
  /** @type {LogEvent | undefined} */
  let held;
  return {
    write(event) {
      const previous = held;
      held = undefined;
      if (
        previous &&
        event.label === 'SKIP_FORMAT' &&
        event.message.includes('(file not created, response body was empty)')
      )
        return;
      if (previous) destination.write(previous);
      if (!event.newLine && files.has(stripVTControlCharacters(event.message).replace(/^\s*├─\s*/, ''))) held = event;
      else destination.write(event);
    },
    flush() {
      if (held) destination.write(held);
      held = undefined;
      destination.flush?.();
    },
    close() {
      destination.close?.();
    },
  };
}

/** @param {{ redirects?: string[] } & Record<string, unknown>} [config] */
export default function buildLog({ redirects = [], ...config } = {}) {
  return withoutRedirectFiles(nodeLog(config), redirects);
}
