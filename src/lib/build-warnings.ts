/**
 * Bundler warnings that say nothing about this project. Astro writes the directive "use astro:head-inject" into
 * the module it makes for each MDX entry, and Rolldown warns that the directive may not survive bundling: two
 * warnings of ten lines per article per build (withastro/astro#18087, open). Astro finds those modules by their
 * `?astroPropagatedAssets` id while building, not by the directive, so dropping it loses nothing.
 */
export function isAstroDirectiveWarning(warning: { code?: string | undefined; message: string }): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}
