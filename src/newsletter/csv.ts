/** The subscriber export as CSV (RFC 4180), safe to open in a spreadsheet. */
import type { ExportRow } from './store.ts';

export const CSV_HEADER = ['email', 'status', 'created', 'confirmed'] as const;

/**
 * Quotes a field when needed. A value a spreadsheet would run as a formula (=, +, -, @ first; an address may
 * legally start with those) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [
    CSV_HEADER.join(','),
    ...rows.map((r) => [r.email, r.status, r.createdAt, r.confirmedAt ?? ''].map(csvField).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
