/** Plain-text tables for the benchmark output: one header row, a rule, rows; numbers right-aligned. */

/** Kilobytes with one decimal (1 KB = 1,024 bytes). */
export const kb = (bytes) => (bytes / 1024).toFixed(1);

const isNumeric = (cell) => /^[-+]?[\d.,]+(?:\s?[a-zA-Z%]+)?$|^[-–]$|^n\/a$/.test(cell);

/**
 * `headers` and each row are arrays of cells (anything with toString). A column is right-aligned when all its
 * body cells look numeric, left-aligned otherwise. Returns the lines joined with "\n".
 */
export function formatTable(headers, rows, { gap = '  ' } = {}) {
  const text = [headers, ...rows].map((row) =>
    row.map((cell) => (cell === undefined || cell === null ? '' : String(cell))),
  );
  const widths = headers.map((_, i) => Math.max(...text.map((row) => (row[i] ?? '').length)));
  const right = headers.map(
    (_, i) => rows.length > 0 && text.slice(1).every((row) => (row[i] ?? '') === '' || isNumeric(row[i] ?? '')),
  );
  const line = (row) =>
    row
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join(gap)
      .trimEnd();
  return [line(text[0]), widths.map((w) => '-'.repeat(w)).join(gap), ...text.slice(1).map(line)].join('\n');
}

/** A titled section: a blank line, the title, the table, then optional notes. */
export function section(title, headers, rows, notes = []) {
  return [``, `## ${title}`, ``, formatTable(headers, rows), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
