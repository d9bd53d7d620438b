/** The previous and next items around `id` in an ordered list (undefined at the ends). */
export function neighbours<T extends { id: string }>(items: readonly T[], id: string): { prev?: T; next?: T } {
  const i = items.findIndex((item) => item.id === id);
  if (i === -1) return {};
  const result: { prev?: T; next?: T } = {};
  const prev = items[i - 1];
  const next = items[i + 1];
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}
