import { transform, type Selector, type SelectorComponent } from 'lightningcss';

/** The class names, element names and ids a page can show: what decides whether a CSS rule can apply to it. */
export interface UsedNames {
  classes: Set<string>;
  tags: Set<string>;
  ids: Set<string>;
}

/** Names in a page's markup. Every page has an html and a body even when a parser would add them. */
export function namesInHtml(html: string): UsedNames {
  const classes = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of m[1]!.split(/\s+/)) if (name) classes.add(name);
  const tags = new Set(['html', 'body', ...[...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase())]);
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  return { classes, tags, ids };
}

/**
 * Every word inside a string literal of client code. Scripts add classes and elements at run time
 * (`el.className = 'sr-only'`, `createElement('mark')`); counting each of these words as a class and as an
 * element keeps their rules. Over-counting only keeps a few unused rules; under-counting would unstyle a page.
 */
export function namesInScripts(code: string): string[] {
  const words = new Set<string>();
  for (const m of code.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) for (const word of m[2]!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (word) words.add(word);
  return [...words];
}

export function withNames(used: UsedNames, words: Iterable<string>): UsedNames {
  const classes = new Set(used.classes);
  const tags = new Set(used.tags);
  for (const word of words) {
    classes.add(word);
    tags.add(word.toLowerCase());
  }
  return { classes, tags, ids: used.ids };
}

const ALTERNATIVES = new Set(['is', 'where', 'any', 'has']);

/**
 * Whether a selector could match something on the page. Only names are checked: combinators, attributes,
 * states and :not() are taken as satisfiable, so a rule is kept whenever in doubt.
 */
export function selectorMayMatch(selector: Selector, used: UsedNames): boolean {
  return selector.every((part: SelectorComponent) => {
    switch (part.type) {
      case 'class':
        return used.classes.has(part.name);
      case 'type':
        return used.tags.has(part.name.toLowerCase());
      case 'id':
        return used.ids.has(part.name);
      case 'pseudo-class':
        return !(ALTERNATIVES.has(part.kind) && 'selectors' in part) || (part.selectors as Selector[]).some((s) => selectorMayMatch(s, used));
      default:
        return true;
    }
  });
}

/** The stylesheet without the style rules that cannot match anything on the page (minified). */
export function cssForPage(css: string, used: UsedNames, filename = 'page.css'): string {
  const { code } = transform({
    filename,
    code: Buffer.from(css),
    minify: true,
    visitor: {
      Rule: {
        // A rule goes only when none of its selectors can match; a partly used selector list stays whole.
        style: (rule) => (rule.value.selectors.some((s) => selectorMayMatch(s, used)) ? undefined : []),
      },
    },
  });
  return code.toString();
}

const OWN_STYLESHEET = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/g;

/** The site's own stylesheets a page links to, in cascade order. */
export function linkedStylesheets(html: string): string[] {
  return [...html.matchAll(OWN_STYLESHEET)].map((m) => m[1]!);
}

/**
 * Replaces a page's links to the site's stylesheets with one inline <style> holding only the rules the page can
 * use, where the first link was (so the cascade order is kept). No stylesheet request stands between the HTML
 * and the first paint.
 */
export function inlinePageCss(html: string, css: string): string {
  let first = true;
  return html.replace(OWN_STYLESHEET, () => {
    if (!first) return '';
    first = false;
    return `<style>${css}</style>`;
  });
}
