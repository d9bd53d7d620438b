/**
 * Syntax highlighting to class names: Shiki tokenises with a light and a dark theme, and each token gets one
 * class per theme colour (styled by src/styles/code-theme.css). No inline styles, so the CSP stays strict.
 */
import { codeToTokens, type BundledLanguage } from 'shiki';

// The "default" GitHub themes: their token colours meet WCAG AA contrast on their backgrounds (the older ones did not).
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** "light", "#D73A49" → "l-d73a49". Alpha channels are kept ("#6a737d80" → "l-6a737d80"). */
export function colourClass(mode: 'light' | 'dark', colour: string): string {
  return `${mode[0]}-${colour.replace('#', '').toLowerCase()}`;
}

export interface Token {
  text: string;
  classes: string;
}

export async function highlightLines(code: string, lang: BundledLanguage): Promise<Token[][]> {
  const { tokens } = await codeToTokens(code, { lang, themes: CODE_THEMES });
  return tokens.map((line) =>
    line.map((t) => {
      const style = (t.htmlStyle ?? {}) as Record<string, string>;
      const classes = [style['color'] && colourClass('light', style['color']), style['--shiki-dark'] && colourClass('dark', style['--shiki-dark'])];
      if (t.fontStyle && t.fontStyle & 1) classes.push('italic');
      if (t.fontStyle && t.fontStyle & 2) classes.push('font-bold');
      return { text: t.content, classes: classes.filter(Boolean).join(' ') };
    }),
  );
}
