import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { ANCHOR_CLASSES, ANCHOR_LABEL, HEADING_CLASSES, headingAnchors } from '../../src/lib/heading-anchors';

/** The plugin as astro.config.mjs runs it: ids first, then the links. */
const render = async (markdown: string) =>
  (await markdownToHtml(markdown, { hastPlugins: [satteriHeadingIdsPlugin(), headingAnchors] })).html;

describe('heading anchors', () => {
  it('gives each h2–h4 a link to itself, with the same markup as the Heading component', async () => {
    expect(await render('## Why it matters\n\nText.\n')).toBe(
      `<h2 id="why-it-matters" class="${HEADING_CLASSES.join(' ')}">Why it matters` +
        `<a href="#why-it-matters" data-pagefind-ignore="" class="${ANCHOR_CLASSES.join(' ')}" aria-label="${ANCHOR_LABEL}">#</a></h2>\n<p>Text.</p>\n`,
    );
  });

  it('links h3 and h4, leaves h1, h5 and h6 alone, and keeps ids unique', async () => {
    const html = await render('# Title\n\n### Sub\n\n#### Sub\n\n##### Deep\n');
    expect(html).toContain('<h3 id="sub" class="group scroll-mt-20">Sub<a href="#sub"');
    expect(html).toContain('<h4 id="sub-1" class="group scroll-mt-20">Sub<a href="#sub-1"');
    expect(html).toContain('<h1 id="title">Title</h1>');
    expect(html).toContain('<h5 id="deep">Deep</h5>');
  });
});
