/**
 * Inlining each page's first-screen CSS with Beasties: after the build for prerendered pages
 * (src/integrations/critical-css.ts), per response for on-demand ones (src/middleware.ts).
 */
import { compileSheet } from 'beasties/compiler';
import { createProcessor } from 'beasties/runtime';
import postcss from 'postcss';
import { withRestAfterFirstFrame } from './after-first-frame.ts';

/**
 * Rules Beasties cannot judge from the built HTML, always inlined: selectors that start with a pseudo-class, which its
 * matcher strips to nothing (Tailwind's space-y-* and divide-y-* are `:where(.space-y-3>…)`, pruned again below to
 * the classes the first screen has; `:focus-visible` and `::placeholder` in the base styles), and dark-theme rules,
 * whose `data-theme` the theme script sets at load.
 */
const ALWAYS_INLINED = [/^:/, /^(html)?\[data-theme=dark\]/];

/** A page with its first screen's CSS inline (`css`, undefined when it links no stylesheet) and the rest deferred. */
export interface FirstScreenPage {
  html: string;
  css?: string | undefined;
}

/**
 * Inlines, in each page given, the rules of `sheets` (the built stylesheets, by the href pages link them with) that
 * its first screen uses, and defers their links and the module scripts until after the first paint
 * (src/lib/after-first-frame.ts). "First screen" is the page less the parts its templates mark as below the fold
 * (<BelowTheFold>). Beasties' compiler reads each stylesheet once; its runtime then scans each page in one pass.
 * Throws on anything Beasties warns about.
 */
export function firstScreenInliner(sheets: { href: string; css: string }[]): (page: string) => FirstScreenPage {
  const compiled = sheets.map(({ href, css }) =>
    compileSheet(cascadeLayerOrder(css) + css, { href, allowRules: ALWAYS_INLINED }),
  );
  const problems: string[] = [];
  const processor = createProcessor(compiled, { preload: 'body', logger: { warn: (m) => problems.push(m) } });
  const clean = cleanInlineCss();
  return (page) => {
    const { firstScreen, restore } = setAsideBelowTheFold(withFirstFrameAtTheFold(page));
    const html = withRestAfterFirstFrame(restore(processor.process(firstScreen)));
    if (problems.length) throw new Error(problems.splice(0).join('; '));
    const found = inlineStyleOf(html);
    if (found === undefined) return { html };
    const css = clean(found, firstScreen);
    return { html: html.replace(found, () => css), css };
  };
}

/**
 * The page with its first screen's CSS inline, or, when inlining fails, the page as it was (its stylesheet then blocks
 * rendering, but the page works: better than no page), with the error for the log.
 */
export function inlinedOrAsIs(
  inline: (page: string) => FirstScreenPage,
  page: string,
): { page: FirstScreenPage; error?: Error } {
  try {
    return { page: inline(page) };
  } catch (error) {
    return { page: { html: page }, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * The statement that fixes the order of a stylesheet's cascade layers (`@layer theme,base,components,utilities;`), in
 * the order they first appear. The inline CSS carries only some layers; without this, a layer it lacks would be
 * declared later, by the full stylesheet, and would then outrank the others (a page would change as it loads).
 */
export function cascadeLayerOrder(css: string): string {
  const names = new Set<string>();
  for (const m of css.matchAll(/@layer\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*[{;]/g))
    for (const name of m[1]!.split(',')) names.add(name.trim());
  return names.size ? `@layer ${[...names].join(',')};` : '';
}

/** The body of a page's first inline `<style>` element, or undefined when it has none. */
export function inlineStyleOf(html: string): string | undefined {
  return /<style\b[^>]*>([\s\S]*?)<\/style>/i.exec(html)?.[1];
}

/** Markers around a part of a page that no screen shows before scrolling (see src/components/BelowTheFold.astro). */
export const BELOW_THE_FOLD = { start: '<!--below-the-fold-->', end: '<!--/below-the-fold-->' } as const;

/** The id the first part below the fold gets when it has none (src/styles/global.css keys an article's body on it). */
export const BELOW_THE_FOLD_ID = 'below-the-fold';

/**
 * The page with its first frame held only until its first screen is parsed: the head's `<link rel="expect">` (see
 * BaseLayout) waits for the footer, all of the page; on a page with a part below the fold it is pointed at that part's
 * first element instead (given an id if it has none), so a page longer than one round trip still paints from the first.
 */
export function withFirstFrameAtTheFold(html: string): string {
  const marker = html.indexOf(BELOW_THE_FOLD.start);
  if (marker === -1) return html;
  const partAt = marker + BELOW_THE_FOLD.start.length;
  const tag = /^\s*<([a-z][\w-]*)([^>]*)>/i.exec(html.slice(partAt));
  if (!tag) throw new Error(`a below-the-fold part that does not start with an element, at ${marker}`);
  const expects = [...html.matchAll(/<link rel="expect" href="#[^"]*"/g)];
  if (expects.length !== 1) throw new Error(`${expects.length} <link rel="expect"> elements, not 1`);
  let id = /\sid="([^"]+)"/.exec(tag[2]!)?.[1];
  let page = html;
  if (!id) {
    id = BELOW_THE_FOLD_ID;
    if (page.includes(`id="${id}"`)) throw new Error(`id="${id}" is taken`);
    const nameEnd = partAt + tag.index + tag[0].indexOf(tag[1]!) + tag[1]!.length;
    page = `${page.slice(0, nameEnd)} id="${id}"${page.slice(nameEnd)}`;
  }
  const link = expects[0]!;
  return `${page.slice(0, link.index)}<link rel="expect" href="#${id}"${page.slice(link.index + link[0].length)}`;
}

/**
 * The page without its parts marked below the fold (each left as a numbered placeholder), for finding the CSS its
 * first screen needs, and `restore`, which puts those parts back into the processed page, without their markers.
 * Markers must pair up and not nest: anything else is an error in a template, reported rather than guessed at.
 */
export function setAsideBelowTheFold(html: string): { firstScreen: string; restore: (processed: string) => string } {
  const parts: string[] = [];
  let firstScreen = '';
  let cursor = 0;
  for (;;) {
    const start = html.indexOf(BELOW_THE_FOLD.start, cursor);
    const strayEnd = html.indexOf(BELOW_THE_FOLD.end, cursor);
    if (start === -1) {
      if (strayEnd !== -1) throw new Error(`an end-of-below-the-fold marker without its start, at ${strayEnd}`);
      break;
    }
    const end = html.indexOf(BELOW_THE_FOLD.end, start);
    const nested = html.indexOf(BELOW_THE_FOLD.start, start + BELOW_THE_FOLD.start.length);
    if (strayEnd !== -1 && strayEnd < start)
      throw new Error(`an end-of-below-the-fold marker before its start, at ${strayEnd}`);
    if (end === -1) throw new Error(`a below-the-fold marker that is never closed, at ${start}`);
    if (nested !== -1 && nested < end) throw new Error(`below-the-fold markers nested, at ${nested}`);
    firstScreen += `${html.slice(cursor, start)}<!--below-the-fold:${parts.length}-->`;
    parts.push(html.slice(start + BELOW_THE_FOLD.start.length, end));
    cursor = end + BELOW_THE_FOLD.end.length;
  }
  firstScreen += html.slice(cursor);
  const restore = (processed: string) => {
    const restored = new Set<number>();
    const html = processed.replace(/<!--below-the-fold:(\d+)-->/g, (placeholder, i: string) => {
      restored.add(Number(i));
      return parts[Number(i)] ?? placeholder;
    });
    if (restored.size !== parts.length)
      throw new Error(`${parts.length - restored.size} below-the-fold parts went missing`);
    return html;
  };
  return { firstScreen, restore };
}

/**
 * Beasties 0.5.4 ends every at-rule it keeps whole with ";", blocks included: `@property --x{…};@property --y{…}`.
 * A ";" there starts a bad rule that swallows the next one, so every second `@property` was lost (and with it
 * `--tw-border-style`: no borders at first paint). This drops a ";" that follows an at-rule's block.
 */
export function withoutStraySemicolons(css: string): string {
  return css.replace(/(@[\w-]+[^{};]*\{[^{}]*\});/g, '$1');
}

/**
 * Tailwind registers its internal custom properties with `@property` (initial values such as
 * `--tw-border-style: solid`) and repeats those values, for browsers without `@property`, in an `@layer properties`
 * block behind an `@supports` test. Inline, where the W3C checker still rejects `@property` and that test's
 * `margin-trim`, the plain block alone does the same job: every element starts with the same initial values (as
 * non-inherited properties do). The shared stylesheet, once loaded, brings the registrations.
 */
export function withPlainPropertyDefaults(css: string): string {
  const root = postcss.parse(css);
  root.walkAtRules('property', (rule) => {
    rule.remove();
  });
  root.walkAtRules('supports', (rule) => {
    const parent = rule.parent;
    if (
      parent?.type === 'atrule' &&
      (parent as postcss.AtRule).name === 'layer' &&
      (parent as postcss.AtRule).params === 'properties'
    )
      rule.replaceWith(rule.nodes ?? []);
  });
  return root.toString();
}

/**
 * The plain defaults block (see withPlainPropertyDefaults) with only the custom properties something inline reads
 * (`var(--tw-border-style)` …): Tailwind lists all it registers, the ring and shadow ones among them, on every page.
 */
export function withOnlyDefaultsRead(css: string): string {
  const read = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));
  const root = postcss.parse(css);
  root.walkAtRules('layer', (layer) => {
    if (layer.params !== 'properties') return;
    layer.walkDecls((decl) => {
      if (decl.prop.startsWith('--') && !read.has(decl.prop)) decl.remove();
    });
  });
  removeEmpty(root);
  return root.toString();
}

/** Selectors for states the reader brings about (not under `:not(…)`): pointing at or pressing an element… */
const POINTER_STATE = /:(hover|active)\b/;
/** …and focusing one, which a page can do itself, with `autofocus`. */
const FOCUS_STATE = /:focus(-visible|-within)?\b/;

/**
 * The inline CSS without what no first frame shows: rules for states the reader has to bring about (hover, press,
 * and focus unless the first screen has an element with `autofocus`), and for print. The shared stylesheet, requested
 * at once, brings them; until it arrives the browser's own focus ring still shows. On an article these were about
 * 1.3 KB of the inline CSS, 0.25 KB as sent.
 */
export function withoutInteractionAndPrint(css: string, firstScreenHtml: string): string {
  const autofocus = hasAutofocus(firstScreenHtml);
  const needsInteraction = (selector: string) =>
    !selector.includes(':not(') && (POINTER_STATE.test(selector) || (!autofocus && FOCUS_STATE.test(selector)));
  const root = postcss.parse(css);
  keepSelectors(root, (selector) => !needsInteraction(selector));
  root.walkAtRules('media', (atRule) => {
    if (atRule.params.trim() === 'print') atRule.remove();
  });
  removeEmpty(root);
  return root.toString();
}

/** Keeps in each rule the selectors `keep` accepts, and removes a rule left with none. */
function keepSelectors(root: postcss.Root, keep: (selector: string) => boolean): void {
  root.walkRules((rule) => {
    const kept = rule.selectors.filter(keep);
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
}

/** Removes the rules and at-rules (`@media`, `@layer` …) that removals left empty, innermost first. */
function removeEmpty(root: postcss.Root): void {
  const containers: postcss.Container[] = [];
  root.walk((node) => {
    if (node.type === 'rule' || node.type === 'atrule') containers.push(node);
  });
  // A walk visits a container before what it holds: backwards, an emptied inner one goes before its parent is looked at.
  for (const node of containers.reverse()) if (node.nodes?.length === 0) node.remove();
}

/** Every class name in a page's `class` attributes. */
const classesIn = (html: string) =>
  new Set([...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean)));

/**
 * Beasties cannot match selectors that start with `:where(` (see ALWAYS_INLINED in the integration), so all of them
 * are inlined; this keeps only those whose first class is on an element of the first screen (`:where(.space-y-3>…)`
 * only where something there has class space-y-3), and drops what that leaves empty.
 */
export function withoutUnusedWhereRules(css: string, firstScreenHtml: string): string {
  const classes = classesIn(firstScreenHtml);
  const root = postcss.parse(css);
  keepSelectors(root, (selector) => {
    const first = /^:where\(\.((?:\\.|[\w-])+)/.exec(selector)?.[1];
    return first === undefined || classes.has(first.replace(/\\(.)/g, '$1'));
  });
  removeEmpty(root);
  return root.toString();
}

/** Pseudo-elements of form controls, styled by the base layer: `::placeholder`, `::file-selector-button` … */
const FORM_CONTROL_PARTS = /^::(placeholder|file-selector-button|-webkit-search-decoration)$/;

/** The CSS without its rules for parts of form controls when the first screen has none (most pages' forms are lower). */
export function withoutUnusedFormControlParts(css: string, firstScreenHtml: string): string {
  if (hasFormControl(firstScreenHtml)) return css;
  const root = postcss.parse(css);
  keepSelectors(root, (selector) => !FORM_CONTROL_PARTS.test(selector));
  removeEmpty(root);
  return root.toString();
}

const hasFormControl = (html: string) => /<(input|textarea|select)\b/i.test(html);
const hasAutofocus = (html: string) => /<[a-z][^>]*\sautofocus[\s=>]/i.test(html);

/**
 * The clean-ups of Beasties' output above, in order, remembered per distinct input: pages built from one template
 * mostly share their first-screen CSS, so a site of thousands of pages parses each distinct one a few times, not once
 * per page. The result depends on the page only through whether its first screen has a form control or an element
 * with `autofocus`, and which of the CSS's `:where(.class…)` classes it has.
 */
export function cleanInlineCss(): (found: string, firstScreenHtml: string) => string {
  const repaired = new Map<string, { css: string; whereClasses: string[] }>();
  const pruned = new Map<string, string>();
  return (found, firstScreenHtml) => {
    const page = `${hasAutofocus(firstScreenHtml)}\0${hasFormControl(firstScreenHtml)}\0${found}`;
    let entry = repaired.get(page);
    if (!entry) {
      const css = withoutUnusedFormControlParts(
        withoutInteractionAndPrint(withPlainPropertyDefaults(withoutStraySemicolons(found)), firstScreenHtml),
        firstScreenHtml,
      );
      const whereClasses = [...new Set([...css.matchAll(/:where\(\.((?:\\.|[\w-])+)/g)].map((m) => m[1]!))];
      entry = { css, whereClasses: whereClasses.map((c) => c.replace(/\\(.)/g, '$1')) };
      repaired.set(page, entry);
    }
    const classes = classesIn(firstScreenHtml);
    const key = `${page}\0${entry.whereClasses.filter((c) => classes.has(c)).join(' ')}`;
    let css = pruned.get(key);
    if (css === undefined) {
      // Last, so that a default only a pruned rule read goes too.
      css = withOnlyDefaultsRead(withoutUnusedWhereRules(entry.css, firstScreenHtml));
      pruned.set(key, css);
    }
    return css;
  };
}
