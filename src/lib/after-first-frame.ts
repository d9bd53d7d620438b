/**
 * What a page's first screen does not need (the shared stylesheet, whose first-screen rules are inline; the module
 * scripts, which only enhance; the web app manifest, which a browser fetches once the page has loaded) is requested
 * once the first paint is reported, not while the page is still arriving: on a phone's connection it no longer
 * shares the first round trips with the page, and the first frame never waits for it. The tags are kept as they were,
 * inert in a <template>; a tiny inline loader (allowed by its hash, astro.config.mjs) puts them in the page. Without
 * JavaScript the stylesheet still loads, from <noscript>.
 */

/** The id of the <template> holding the deferred tags. */
export const AFTER_FIRST_FRAME_ID = 'after-first-frame';

/**
 * The loader, as the page carries it (its hash is in every page's CSP). It waits for the browser to report the first
 * paint (Paint Timing), so nothing it requests competes with that paint; where that is not reported, for the first
 * animation frame (which waits for the first screen to be parsed, see rel=expect). A clone of the template's content
 * is live (scripts parsed into a template only run once cloned, HTML § script cloning steps); it goes into the head,
 * after the inline style as a stylesheet linked in the body was, and where a manifest link belongs. The template is
 * removed, so a second paint report loads nothing twice. A link to a part of the page (#…) loads it all at once: the
 * browser keeps that part in view only until the page has loaded, so the stylesheet must be in by then, or what it
 * styles above the part would push the part out of view. Minified by hand: it counts in every first round trip.
 */
export const AFTER_FIRST_FRAME_LOADER =
  `(()=>{const l=()=>{const t=document.getElementById('${AFTER_FIRST_FRAME_ID}');` +
  `t&&(t.remove(),document.head.append(t.content.cloneNode(!0)))};` +
  `location.hash?l():PerformanceObserver.supportedEntryTypes?.includes('paint')` +
  `?new PerformanceObserver(()=>setTimeout(l)).observe({type:'paint',buffered:!0})` +
  `:requestAnimationFrame(()=>setTimeout(l))})()`;

const MODULE_SCRIPTS = /<script\b[^>]*\btype="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>/gi;
const STYLESHEETS = /<link\b[^>]*\brel="stylesheet"[^>]*>/gi;
const MANIFESTS = /<link\b[^>]*\brel="manifest"[^>]*>/gi;

/**
 * The page with its module scripts (anywhere), its manifest link and the stylesheets linked in its body moved to the
 * end of the body, into the template the loader reads, each stylesheet also in <noscript> (a manifest link may not
 * stand in the body: without JavaScript, a browser offering to install the site falls back on the icons). A page
 * with none of them is returned as it was. Throws on a fragment without <body>, rather than guess where its first
 * screen is.
 */
export function withRestAfterFirstFrame(html: string): string {
  const bodyAt = html.search(/<body\b/i);
  const bodyEnd = html.lastIndexOf('</body>');
  if (bodyAt === -1 || bodyEnd < bodyAt) throw new Error('no <body> element');
  const moved: string[] = [];
  const stylesheets: string[] = [];
  const take = (tag: string) => {
    moved.push(tag);
    return '';
  };
  const head = html.slice(0, bodyAt).replace(MODULE_SCRIPTS, take).replace(MANIFESTS, take);
  const body = html
    .slice(bodyAt, bodyEnd)
    .replace(MODULE_SCRIPTS, take)
    .replace(STYLESHEETS, (tag) => {
      stylesheets.push(tag);
      return take(tag);
    });
  if (!moved.length) return html;
  const noscript = stylesheets.length ? `<noscript>${stylesheets.join('')}</noscript>` : '';
  return (
    `${head}${body}<template id="${AFTER_FIRST_FRAME_ID}">${moved.join('')}</template>${noscript}` +
    `<script>${AFTER_FIRST_FRAME_LOADER}</script>${html.slice(bodyEnd)}`
  );
}
