/**
 * Section headings with a shareable link: each h2–h4 that has an id gets a "#" link to itself, shown on hover and
 * focus. One markup for headings written in Markdown or MDX (the `headingAnchors` plugin below, run by Astro's
 * Markdown processor) and headings a template writes (src/components/mdx/Heading.astro).
 */
import { defineHastPlugin } from 'satteri';

/** Classes of the heading: `group` shows its link on hover; the scroll margin keeps it clear of the sticky header. */
export const HEADING_CLASSES = ['group', 'scroll-mt-20'];
/** The link's one class, styled in src/styles/global.css (hidden until the heading is hovered or it is focused). */
export const ANCHOR_CLASSES = ['heading-anchor'];
export const ANCHOR_LABEL = 'Link to this section';

const classList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];

/**
 * Astro gives headings their ids after every plugin of ours has run, so it runs first here too:
 * `satteriHeadingIdsPlugin()` before this one (astro.config.mjs); Astro's own pass then keeps those ids.
 */
export const headingAnchors = defineHastPlugin({
  name: 'heading-anchors',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const id = node.properties?.['id'];
      if (typeof id !== 'string') return;
      ctx.setProperty(node, 'className', [...HEADING_CLASSES, ...classList(node.properties?.['className'])]);
      ctx.appendChild(node, {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, dataPagefindIgnore: '', className: ANCHOR_CLASSES, ariaLabel: ANCHOR_LABEL },
        children: [{ type: 'text', value: '#' }],
      });
    },
  },
});
