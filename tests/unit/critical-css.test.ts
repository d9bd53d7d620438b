import { describe, expect, it } from 'vitest';
import {
  BELOW_THE_FOLD,
  cascadeLayerOrder,
  cleanInlineCss,
  firstScreenInliner,
  inlinedOrAsIs,
  inlineStyleOf,
  setAsideBelowTheFold,
  withFirstFrameAtTheFold,
  withPlainPropertyDefaults,
  withoutStraySemicolons,
  withOnlyDefaultsRead,
  withoutInteractionAndPrint,
  withoutUnusedFormControlParts,
  withoutUnusedWhereRules,
} from '../../src/lib/critical-css';
import { allowInlineStyle, scriptHash, withStyleAllowed } from '../../src/lib/csp';

const { start, end } = BELOW_THE_FOLD;

describe('cascadeLayerOrder', () => {
  it('names the layers in the order they first appear, each once', () => {
    expect(cascadeLayerOrder('@layer theme{a{}}@layer base{b{}}@layer theme{c{}}@layer utilities{d{}}')).toBe(
      '@layer theme,base,utilities;',
    );
    expect(cascadeLayerOrder('@layer a, b;@layer c{x{}}')).toBe('@layer a,b,c;');
  });
  it('is empty for a sheet without layers', () => {
    expect(cascadeLayerOrder('a{color:red}')).toBe('');
  });
});

describe('setAsideBelowTheFold', () => {
  it('leaves placeholders for the marked parts and puts them back, without markers, after processing', () => {
    const html = `<main><h1>Hi</h1>${start}<p class="low">one</p>${end}<p>mid</p>${start}<p>two</p>${end}</main>`;
    const { firstScreen, restore } = setAsideBelowTheFold(html);
    expect(firstScreen).toBe('<main><h1>Hi</h1><!--below-the-fold:0--><p>mid</p><!--below-the-fold:1--></main>');
    expect(restore(`<style>x</style>${firstScreen}`)).toBe(
      '<style>x</style><main><h1>Hi</h1><p class="low">one</p><p>mid</p><p>two</p></main>',
    );
  });
  it('changes nothing in a page without markers', () => {
    const { firstScreen, restore } = setAsideBelowTheFold('<p>a</p>');
    expect(restore(firstScreen)).toBe('<p>a</p>');
  });
  it('refuses markers that do not pair up or that nest', () => {
    expect(() => setAsideBelowTheFold(`${start}<p>`)).toThrow(/never closed/);
    expect(() => setAsideBelowTheFold(`<p>${end}`)).toThrow(/without its start/);
    expect(() => setAsideBelowTheFold(`${end}${start}x${end}`)).toThrow(/before its start/);
    expect(() => setAsideBelowTheFold(`${start}${start}x${end}${end}`)).toThrow(/nested/);
  });
  it('refuses to lose a part the processing dropped', () => {
    const { restore } = setAsideBelowTheFold(`a${start}b${end}`);
    expect(() => restore('a')).toThrow(/1 below-the-fold parts went missing/);
  });
});

describe('withoutStraySemicolons', () => {
  it('drops the ";" Beasties puts after a block at-rule, so the next rule survives', () => {
    expect(withoutStraySemicolons('@property --a{syntax:"*";inherits:false};@property --b{inherits:false}')).toBe(
      '@property --a{syntax:"*";inherits:false}@property --b{inherits:false}',
    );
  });
  it('keeps statement at-rules and declarations as they are', () => {
    const css = '@layer a,b;a{color:red;margin:0}@media (width>=40rem){.x{top:0}}';
    expect(withoutStraySemicolons(css)).toBe(css);
  });
});

describe('inlineStyleOf and allowInlineStyle', () => {
  const page = (policy: string, body: string) =>
    `<head><meta http-equiv="content-security-policy" content="${policy}">${body}</head>`;
  it('finds the inline style and allows exactly it in style-src, once', () => {
    const html = page("script-src 'self'; style-src 'self';", '<style>b{}</style>');
    const css = inlineStyleOf(html)!;
    expect(css).toBe('b{}');
    const allowed = allowInlineStyle(html, css);
    expect(allowed).toContain(`style-src 'self' '${scriptHash('b{}')}';`);
    expect(allowInlineStyle(allowed, css)).toBe(allowed);
  });
  it('leaves a page without a CSP, or without style-src, alone', () => {
    expect(allowInlineStyle('<style>b{}</style>', 'b{}')).toBe('<style>b{}</style>');
    const noStyleSrc = page("script-src 'self';", '');
    expect(allowInlineStyle(noStyleSrc, 'b{}')).toBe(noStyleSrc);
  });
  it('is undefined for a page without an inline style', () => {
    expect(inlineStyleOf('<p>x</p>')).toBeUndefined();
  });
  it('allows it in a policy sent as a header too (on-demand pages), leaving other directives as they are', () => {
    const policy = "script-src 'self' 'sha256-x'; style-src 'self'; frame-ancestors 'none'";
    const allowed = withStyleAllowed(policy, 'b{}');
    expect(allowed).toBe(
      `script-src 'self' 'sha256-x'; style-src 'self' '${scriptHash('b{}')}'; frame-ancestors 'none'`,
    );
    expect(withStyleAllowed(allowed, 'b{}')).toBe(allowed);
    expect(withStyleAllowed("default-src 'self'", 'b{}')).toBe("default-src 'self'");
  });
});

describe('withPlainPropertyDefaults', () => {
  it('drops @property registrations and keeps their plain fallback without its @supports test', () => {
    const css =
      '@layer properties{@supports ((-webkit-hyphens:none) and (not (margin-trim:block))){*,:before,:after{--tw-border-style:solid}}}' +
      '@layer utilities{.border-b{border-bottom-style:var(--tw-border-style)}}@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}';
    expect(withPlainPropertyDefaults(css)).toBe(
      '@layer properties{*,:before,:after{--tw-border-style:solid}}@layer utilities{.border-b{border-bottom-style:var(--tw-border-style)}}',
    );
  });
  it('leaves other @supports blocks alone', () => {
    const css = '@supports (display:grid){.g{display:grid}}';
    expect(withPlainPropertyDefaults(css)).toBe(css);
  });
});

describe('withoutUnusedWhereRules', () => {
  const css =
    '@layer utilities{:where(.space-y-3>:not(:last-child)){margin:1px}:where(.divide-y>:not(:last-child)){border:0}' +
    ':where(.\\[\\&_ol\\]\\:space-y-1 ol>:not(:last-child)){margin:2px}.mt-1{margin-top:1px}}' +
    '@media (hover:hover){:where(.group):hover .x{opacity:1}}:focus-visible{outline:auto}';
  it('keeps a :where(.class…) rule only where the first screen has that class, and every other rule', () => {
    expect(withoutUnusedWhereRules(css, '<div class="mt-1 space-y-3"><ul class="[&_ol]:space-y-1"></ul></div>')).toBe(
      '@layer utilities{:where(.space-y-3>:not(:last-child)){margin:1px}' +
        ':where(.\\[\\&_ol\\]\\:space-y-1 ol>:not(:last-child)){margin:2px}.mt-1{margin-top:1px}}:focus-visible{outline:auto}',
    );
  });
});

describe('withoutInteractionAndPrint', () => {
  it('drops rules for hover, focus and press, and print, and the at-rules that leaves empty', () => {
    const css =
      '@layer properties,base,utilities;@layer base{:focus-visible{outline:3px solid}a{color:red}}' +
      '@layer utilities{.mt-1{margin-top:1px}.focus\\:not-sr-only:focus{clip-path:none}' +
      '@media (hover:hover){.hover\\:bg-x:hover{background:red}@supports (x:y){.a:active{color:red}}}' +
      '.focus-within\\:ring:focus-within{outline:0}}@media print{header{display:none}}';
    expect(withoutInteractionAndPrint(css, '<main><h1>Hi</h1></main>')).toBe(
      '@layer properties,base,utilities;@layer base{a{color:red}}@layer utilities{.mt-1{margin-top:1px}}',
    );
  });
  it('keeps the focus rules when the first screen focuses an element itself, with autofocus', () => {
    const css = ':focus-visible{outline:3px solid}a:hover{color:red}.x:focus{color:blue}';
    expect(withoutInteractionAndPrint(css, '<input type="search" autofocus class="x">')).toBe(
      ':focus-visible{outline:3px solid}.x:focus{color:blue}',
    );
    expect(withoutInteractionAndPrint(css, '<input data-autofocus-later class="x">')).toBe('');
  });
  it('keeps what shows before any interaction: other selectors of a rule, :not(:hover), and screen media', () => {
    const css = 'a:hover,b{color:red}.x:not(:focus){color:blue}@media screen and (width>=40rem){.y{color:red}}';
    expect(withoutInteractionAndPrint(css, '<p></p>')).toBe(
      'b{color:red}.x:not(:focus){color:blue}@media screen and (width>=40rem){.y{color:red}}',
    );
  });
});

describe('withOnlyDefaultsRead', () => {
  it('keeps the defaults of the custom properties something reads, and drops the rest', () => {
    const css =
      '@layer properties{*,:before{--tw-border-style:solid;--tw-shadow:0 0 #0000;--tw-leading:initial}}' +
      '.border{border-style:var(--tw-border-style)}.text-sm{line-height:var(--tw-leading,1.25)}';
    expect(withOnlyDefaultsRead(css)).toBe(
      '@layer properties{*,:before{--tw-border-style:solid;--tw-leading:initial}}' +
        '.border{border-style:var(--tw-border-style)}.text-sm{line-height:var(--tw-leading,1.25)}',
    );
  });
  it('drops the block when nothing reads any of them, and leaves properties set elsewhere alone', () => {
    expect(withOnlyDefaultsRead('@layer properties{*{--tw-shadow:0 0 #0000}}.a{--tw-x:1}')).toBe('.a{--tw-x:1}');
  });
});

describe('withoutUnusedFormControlParts', () => {
  const css =
    '::placeholder{opacity:1}::file-selector-button,button{font:inherit}::-webkit-search-decoration{x:y}a{b:c}';
  it('drops the rules for parts of form controls when the first screen has none', () => {
    expect(withoutUnusedFormControlParts(css, '<main><button>Go</button></main>')).toBe('button{font:inherit}a{b:c}');
  });
  it('keeps them when it has one', () => {
    for (const control of ['<input type="email">', '<textarea></textarea>', '<SELECT></SELECT>'])
      expect(withoutUnusedFormControlParts(css, `<form>${control}</form>`)).toBe(css);
  });
});

describe('withFirstFrameAtTheFold', () => {
  const head = '<head><link rel="expect" href="#site-footer" blocking="render"></head>';
  it('points the first frame at the first part below the fold, giving it an id', () => {
    const html = `${head}<main><h1>Hi</h1>${start}\n<div class="prose">long</div>${end}${start}<p>x</p>${end}</main>`;
    expect(withFirstFrameAtTheFold(html)).toBe(
      `<head><link rel="expect" href="#below-the-fold" blocking="render"></head><main><h1>Hi</h1>${start}\n<div id="below-the-fold" class="prose">long</div>${end}${start}<p>x</p>${end}</main>`,
    );
  });
  it('uses the id the part already has', () => {
    const html = `${head}<main>${start}<section id="more">x</section>${end}</main>`;
    expect(withFirstFrameAtTheFold(html)).toContain('<link rel="expect" href="#more" blocking="render">');
    expect(withFirstFrameAtTheFold(html)).toContain('<section id="more">');
  });
  it('leaves a page with nothing below the fold waiting for its footer', () => {
    const html = `${head}<main><p>short</p></main><footer id="site-footer"></footer>`;
    expect(withFirstFrameAtTheFold(html)).toBe(html);
  });
  it('refuses a part that starts with text, or a page without exactly one rel=expect link', () => {
    expect(() => withFirstFrameAtTheFold(`${head}<main>${start}text${end}</main>`)).toThrow(
      /does not start with an element/,
    );
    expect(() => withFirstFrameAtTheFold(`<main>${start}<p>x</p>${end}</main>`)).toThrow(/0 <link rel="expect">/);
  });
});

describe('cleanInlineCss', () => {
  const found =
    '@layer properties{@supports (x:y){*{--tw-a:0;--tw-s:0}}}@property --tw-a{syntax:"*";inherits:false};@layer utilities{:where(.space-y-3>:not(:last-child)){margin:var(--tw-s)}:where(.divide-y>:not(:last-child)){border:1px}.p-1{padding:1px;margin:var(--tw-a)}.p-1:hover{padding:0}.p-1:focus{padding:2px}}::placeholder{opacity:1}';
  const direct = (html: string) =>
    withOnlyDefaultsRead(
      withoutUnusedWhereRules(
        withoutUnusedFormControlParts(
          withoutInteractionAndPrint(withPlainPropertyDefaults(withoutStraySemicolons(found)), html),
          html,
        ),
        html,
      ),
    );
  it('gives what the clean-ups give one by one, for each page, however often the same CSS comes back', () => {
    const clean = cleanInlineCss();
    const pages = [
      '<ul class="space-y-3 p-1"></ul>',
      '<ul class="divide-y"></ul>',
      '<p class="p-1"></p>',
      '<ul class="space-y-3 p-1"></ul>',
      '<ul class="divide-y space-y-3"></ul>',
      '<input class="p-1">',
      '<p class="p-1"></p>',
      '<input class="p-1" autofocus>',
    ];
    for (const html of pages) expect(clean(found, html), html).toBe(direct(html));
    expect(clean(found, pages[0]!)).toContain('space-y-3');
    expect(clean(found, pages[0]!)).not.toContain('divide-y');
    expect(clean(found, pages[1]!)).not.toContain('space-y-3');
    // A default that only a pruned rule read goes with it.
    expect(clean(found, pages[0]!)).toContain('--tw-s:0');
    expect(clean(found, pages[1]!)).not.toContain('--tw-s');
    expect(clean(found, pages[5]!)).toContain('::placeholder');
    expect(clean(found, pages[6]!)).not.toContain('::placeholder');
    expect(clean(found, pages[7]!)).toContain(':focus');
    expect(clean(found, pages[5]!)).not.toContain(':focus');
  });
});

describe('inlinedOrAsIs', () => {
  const page =
    '<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"></head><body><h1 class="big">Hi</h1></body></html>';

  it('gives the page inlined when the inliner works', () => {
    const inline = firstScreenInliner([{ href: '/_astro/a.css', css: '.big{font-size:2rem}.unused{color:red}' }]);
    const { page: inlined, error } = inlinedOrAsIs(inline, page);
    expect(error).toBeUndefined();
    expect(inlined.css).toContain('.big{font-size:2rem}');
    expect(inlined.css).not.toContain('.unused');
    expect(inlined.html).toContain(`<style>${inlined.css}</style>`);
  });

  it('gives the page unchanged, and the error, when the inliner throws', () => {
    const { page: asIs, error } = inlinedOrAsIs(() => {
      throw new Error('Beasties: unparsable rule');
    }, page);
    expect(asIs).toEqual({ html: page });
    expect(error?.message).toBe('Beasties: unparsable rule');
  });
});
