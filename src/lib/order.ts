/** Entries sorted by their `order` field, then by id, so lists are stable whatever the loader's order. */
export function byOrder<T extends { id: string; data: { order: number } }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
