/**
 * Release facts on the built pages come from content/releases, computed for the day the page says it describes
 * (read from the page itself, so a build just before midnight still checks against its own day).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/dates';
import { currentCycle, currentLts, supportText, versionFields } from '../../src/lib/releases';
import { linesToShow } from '../../src/lib/timeline';
import { listText } from '../../src/lib/list-text';
import { byOrder } from '../../src/lib/order';
import { upgradeRows } from '../../src/lib/comparison';
import { frameworkEntries, releaseEntries } from '../support/collections';
import { decode } from '../support/html';

const page = (path: string) => readFileSync(`dist/client${path}index.html`, 'utf8');
/** Visible text: inline tags dropped, block tags as spaces, entities decoded, whitespace collapsed. */
const text = (html: string) =>
  decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<\/?(?:time|a|span|strong|em|code)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ');
const cyclesOf = (id: string) => releaseEntries.find((r) => r.id === id)!.data.cycles;
const nameOf = (id: string) => releaseEntries.find((r) => r.id === id)!.data.name;
/** The day a page's facts are for: the `datetime` of its "Support as of" time element. */
const asOfIn = (html: string) => /Support as of <time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];

describe.each(frameworkEntries.map((f) => [f.id, f] as const))('%s article', (id, framework) => {
  const html = page(`/frameworks/${id}/`);
  const day = asOfIn(html)!;
  const cycles = cyclesOf(framework.data.releases.framework);

  it('says which day its support facts are for', () => {
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(html)).toContain(`Support as of ${formatDay(day)}`);
  });

  it('shows the current version, its line’s support and the LTS line from the release data', () => {
    const box = text(/<aside aria-labelledby="facts-heading"[\s\S]*?<\/aside>/.exec(html)![0]);
    const fields = versionFields(cycles, day);
    expect(box).toContain(
      `Latest version ${fields.currentVersion} (${formatDay(fields.currentVersionDate.toISOString().slice(0, 10))}); the ${currentCycle(cycles, day)!.cycle} line: ${supportText(currentCycle(cycles, day)!, day, formatDay)}`,
    );
    const lts = currentLts(cycles, day);
    if (lts && lts !== currentCycle(cycles, day))
      expect(box).toContain(`Long-term support ${lts.cycle}: ${supportText(lts, day, formatDay)}`);
    else expect(box).not.toContain('Long-term support');
  });

  it('draws a timeline whose every row says its support in words, with the bars hidden from screen readers', () => {
    const figure = /<figure[^>]*data-timeline[\s\S]*?<\/figure>/.exec(html)?.[0];
    expect(figure, 'timeline').toBeDefined();
    expect(figure).toMatch(/<figcaption id="[^"]+"[^>]*>[^<]+<\/figcaption>/);
    const shown = linesToShow(cycles, day, { max: 4 });
    for (const cycle of shown)
      expect(text(figure!), cycle.cycle).toContain(
        `${nameOf(framework.data.releases.framework)} ${cycle.cycle}${cycle.lts ? ' LTS' : ''}: ${supportText(cycle, day, formatDay)}`,
      );
    const svgs = [...figure!.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(shown.length);
    for (const svg of svgs) expect(svg).toContain('aria-hidden="true"');
  });
});

describe('/compare/', () => {
  const html = page('/compare/');
  const isoDay = /in the five years to <time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1] ?? 'missing';

  it('shows each framework’s upgrade figures exactly as computed from the release data', () => {
    // The column names repeated in each cell for phones are hidden from screen readers: compare what they announce.
    const table = text(
      /<table id="upgrades-table"[\s\S]*?<\/table>/
        .exec(html)![0]
        .replace(/<span aria-hidden="true"[^>]*>[^<]*<\/span>/g, ''),
    );
    const rows = upgradeRows(
      frameworkEntries.map((f) => ({ id: f.id, name: f.data.name, cycles: cyclesOf(f.data.releases.framework) })),
      isoDay,
    );
    for (const row of rows) expect(table, row.id).toContain(` ${row.name} ${row.cells.join(' ')} `);
  });

  it('draws one timeline of every framework and its runtime, with the dates as a table', () => {
    const figure = /<figure[^>]*data-timeline[\s\S]*?<\/figure>/.exec(html)![0];
    for (const f of frameworkEntries) expect(text(figure), f.id).toContain(nameOf(f.data.releases.runtime));
    expect(figure).toContain('The dates as a table');
  });

  it('draws a runtime shared by several frameworks once, naming all of them', () => {
    const figure = text(/<figure[^>]*data-timeline[\s\S]*?<\/figure>/.exec(html)![0]);
    const users = Map.groupBy(
      frameworkEntries.filter((f) => f.data.releases.runtime !== f.data.releases.framework),
      (f) => nameOf(f.data.releases.runtime),
    );
    expect(
      [...users.values()].some((u) => u.length > 1),
      'no runtime is shared: nothing to check',
    ).toBe(true);
    for (const [runtime, frameworks] of users) {
      const heading = `${runtime}, for ${listText(byOrder(frameworks).map((f) => f.data.name))}`;
      expect(figure.split(`${runtime}, for `).length - 1, `${runtime} drawn once`).toBe(1);
      expect(figure, heading).toContain(heading);
    }
  });
});
