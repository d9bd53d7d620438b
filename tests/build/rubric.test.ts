import { describe, expect, it } from 'vitest';
import { RATING_KEYS } from '../../src/lib/ratings';
import { RUBRIC, rubricAnchor, RUBRIC_PATH } from '../../src/lib/rubric';
import { frameworkEntries } from '../support/collections';
import { allPages, decode, pageHtml } from '../support/html';

/** The rubric page and the links to it: every page that shows ratings says where they are defined. */
const pages = allPages();
const rubricLinks = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"[^>]*data-rubric-link/g)].map((m) => decode(m[1]!));
/** The build curls quotes in content (src/lib/typeset.ts): compare text with straight ones. */
const straight = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const showsRatings = (html: string) => html.includes('data-ratings-block') || html.includes('id="decision-form"');

describe('pages that show ratings', () => {
  const withRatings = pages.filter((p) => showsRatings(p.html));

  it('include the home page, the comparison, every article, every pair and the decision helper', () => {
    const paths = withRatings.map((p) => p.path);
    for (const path of ['/', '/compare/', '/choose/', ...frameworkEntries.map((f) => `/frameworks/${f.id}/`)])
      expect(paths).toContain(path);
    expect(paths.filter((p) => /^\/compare\/[^/]+-vs-[^/]+\/$/.test(p))).toHaveLength(
      (frameworkEntries.length * (frameworkEntries.length - 1)) / 2,
    );
  });

  it.each(withRatings.map((p) => [p.path, p.html] as const))('%s links to the rubric page', (_path, html) => {
    expect(rubricLinks(html)).toContain(RUBRIC_PATH);
  });

  it.each(
    withRatings
      .filter((p) => p.html.includes('data-ratings-block') && !p.html.includes('data-sortable data-ratings-block'))
      .map((p) => [p.path, p.html] as const),
  )('%s links each rating’s label to its section of the rubric', (_path, html) => {
    const links = rubricLinks(html);
    for (const key of RATING_KEYS) expect(links).toContain(`${RUBRIC_PATH}#${rubricAnchor(key)}`);
  });

  it('every page links to the rubric page from the footer', () => {
    for (const { path, html } of pages)
      expect(html, path).toMatch(new RegExp(`<footer[\\s\\S]*href="${RUBRIC_PATH}"[\\s\\S]*</footer>`));
  });
});

describe('the rubric page', () => {
  const html = pageHtml(RUBRIC_PATH);
  const text = decode(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

  it.each(RUBRIC.map((d) => [d.key, d] as const))(
    'has a section for %s under its own anchor, with its five levels and every framework’s reason',
    (key, d) => {
      const anchor = rubricAnchor(key);
      expect(html).toContain(`id="${anchor}"`);
      const start = html.indexOf(`data-rubric="${key}"`);
      expect(start).toBeGreaterThan(-1);
      const section = html.slice(start, html.indexOf('</section>', start));
      expect([...section.matchAll(/<dt\b/g)]).toHaveLength(5);
      for (const level of d.levels) expect(straight(decode(section))).toContain(straight(level.criterion));
      for (const f of frameworkEntries)
        expect(straight(decode(section))).toContain(straight(f.data.ratings[key].reason));
    },
  );

  it('says what every rating measures and lists the ratings with links to their sections', () => {
    for (const d of RUBRIC) {
      expect(text).toContain(d.measures);
      expect(html).toContain(`href="#${rubricAnchor(d.key)}"`);
    }
  });
});
