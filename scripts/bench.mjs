#!/usr/bin/env node
/** `npm run bench`: build time and per-page weight of the built site. Figures, not pass/fail. */
import { spawnSync } from 'node:child_process';
import { pageWeights } from './lib/page-weight.mjs';

const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const started = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const seconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error('astro build failed');
  process.exit(1);
}

const rows = pageWeights();
console.log(`\nBuild: ${seconds.toFixed(2)} s for ${rows.length} pages (${((seconds * 1000) / rows.length).toFixed(0)} ms/page)\n`);
console.log('KB (raw / gzip)'.padEnd(44) + 'HTML raw  gzip | CSS raw   gzip | JS raw    gzip | critical gzip');
for (const r of rows) {
  const critical = r.html.gzip + r.css.gzip;
  console.log(
    r.page.padEnd(44) +
      `${kb(r.html.raw)}${kb(r.html.gzip)} |${kb(r.css.raw)}${kb(r.css.gzip)} |${kb(r.js.raw)}${kb(r.js.gzip)} | ${kb(critical)}${critical > 14 * 1024 ? '  over 14 KB' : ''}`,
  );
}
const total = rows.reduce((a, r) => a + r.html.raw, 0);
console.log(`\nTotal HTML: ${kb(total)} KB raw across ${rows.length} pages`);
