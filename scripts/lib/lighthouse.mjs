/**
 * Lighthouse in the system Chromium against a server on loopback, mobile and desktop presets.
 *
 * Nothing may leave the machine: Chromium runs with background networking off, every proxied request goes to a
 * local "trap" proxy that refuses it and records the host it was for, and host names other than localhost do not
 * resolve. After each run the page's own requests (Lighthouse's network-requests audit) are checked too.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The flags every headless run here uses (the same as the other browser runs of this project). */
export const BASE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * All flags for a benchmark run. Besides BASE_FLAGS: features that phone home are off, and what Debian's build
 * still contacts with them off (the component updater, the Google-account cookie check, enabled by the API keys
 * /etc/chromium.d adds) is pointed at `trapPort` on loopback; any other proxied request goes to the same trap,
 * and host names other than localhost do not resolve.
 */
export function chromiumFlags({ trapPort, profile }) {
  const trap = `http://127.0.0.1:${trapPort}`;
  return [
    ...BASE_FLAGS,
    '--no-first-run',
    '--no-default-browser-check',
    '--no-pings',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,NetworkTimeServiceQuerying',
    `--component-updater=url-source=${trap}/`,
    `--gaia-url=${trap}`,
    `--proxy-server=${trap}`,
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
  ];
}

export function chromiumPath(env = process.env) {
  const found = [env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean).find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary.',
    );
  return found;
}

/** True for URLs that stay on this machine (loopback hosts) or never touch the network (data:, blob:, about:, chrome:). */
export function isLocalUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Where a request that reached the trap was going, from its first line: "CONNECT host:443" and
 * "GET http://host/…" are proxied requests for another host; "POST /path" came to the trap directly (a service
 * pointed at it by chromiumFlags), so it never left loopback. Returns the host, or undefined for loopback.
 */
export function trappedHost(firstLine) {
  const target = firstLine.split(' ')[1] ?? '';
  if (target.startsWith('/')) return undefined;
  const url = /^[a-z]+:\/\//i.test(target) ? target : `http://${target}`;
  return isLocalUrl(url) ? undefined : new URL(url).host;
}

/** A proxy on 127.0.0.1 that refuses every connection and remembers the first line of each (where it was meant to go). */
export async function trapProxy() {
  const attempts = [];
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      const first = chunk.toString('latin1').split('\r\n')[0] ?? '';
      attempts.push(first.split(' ').slice(0, 2).join(' '));
      socket.destroy();
    });
    socket.on('error', () => {});
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { port, attempts, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** Starts Chromium with a DevTools port; resolves with the port and a `close()` that ends it and its profile. */
export async function launchChromium({ path = chromiumPath(), trapPort, extraFlags = [], timeoutMs = 30_000 }) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const flags = [...chromiumFlags({ trapPort, profile }), ...extraFlags, 'about:blank'];
  const child = spawn(path, flags, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`Chromium did not open its DevTools port within ${timeoutMs} ms:\n${stderr.slice(-2000)}`)),
      timeoutMs,
    );
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${stderr.slice(-2000)}`));
    });
  });
  child.stderr.resume();
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    // Helper processes can still be writing to the profile for a moment after the browser exits.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.error(`could not remove ${profile}: ${error instanceof Error ? error.message : error}`);
    }
  };
  return { port, close };
}

/** One Lighthouse run of `url` with the mobile (default) or desktop preset, on an already running Chromium. */
export async function runLighthouse(url, { port, preset }) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const flags = {
    port,
    hostname: '127.0.0.1',
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    disableFullPageScreenshot: true,
  };
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr;
}

/** The run closest to the median (Lighthouse's own rule), or the only run. */
export async function medianRun(lhrs) {
  // A run that painted nothing (Lighthouse's NO_FCP, seen once in 60 runs on a busy machine) has no metrics to rank;
  // the median is taken over the runs that have them, and the bench notes the ones left out.
  const measured = lhrs.filter(hasFcp);
  if (measured.length <= 1) return measured[0] ?? lhrs[0];
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  return computeMedianRun(measured);
}

/** Whether a run measured first contentful paint (a run that failed to load or paint did not). */
export const hasFcp = (lhr) => typeof lhr.audits?.['first-contentful-paint']?.numericValue === 'number';

const score = (lhr, id) => {
  const s = lhr.categories?.[id]?.score;
  return typeof s === 'number' ? Math.round(s * 100) : undefined;
};
const numeric = (lhr, id) => {
  const v = lhr.audits?.[id]?.numericValue;
  return typeof v === 'number' ? v : undefined;
};

/**
 * The figures the bench prints from one Lighthouse result: the four category scores (0–100), LCP, TBT, FCP (ms),
 * CLS, the machine's benchmark index, the URLs the page requested that were not on loopback, and the audits that
 * cost points (score below 1 in a scored category), worst first.
 */
export function summarizeLhr(lhr) {
  const requests = (lhr.audits?.['network-requests']?.details?.items ?? []).map((item) => String(item.url));
  const lost = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories?.[id]?.auditRefs ?? []) {
      const audit = lhr.audits?.[ref.id];
      if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
        lost.push({
          category: id,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          weight: ref.weight,
          display: audit.displayValue,
        });
      }
    }
  }
  lost.sort((a, b) => (1 - b.score) * b.weight - (1 - a.score) * a.weight);
  return {
    url: lhr.finalDisplayedUrl ?? lhr.finalUrl ?? lhr.requestedUrl,
    formFactor: lhr.configSettings?.formFactor,
    scores: {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      bestPractices: score(lhr, 'best-practices'),
      seo: score(lhr, 'seo'),
    },
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    runtimeError: lhr.runtimeError?.message,
    warnings: lhr.runWarnings ?? [],
    offLoopback: requests.filter((u) => !isLocalUrl(u)),
    requests: requests.length,
    lost,
  };
}
