const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "24 November 2026": unambiguous for readers everywhere. */
export function formatDate(date: Date): string {
  return LONG.format(date);
}

/** "2026-11-24", for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "30 April 2028" from "2028-04-30". */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`));
}
