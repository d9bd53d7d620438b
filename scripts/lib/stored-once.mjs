/**
 * The signup bench's durability check: after the run, every address the server acknowledged (2xx) must be
 * stored exactly once. Rows beyond those come from requests still in flight when the run stopped.
 * @param {Iterable<string>} acknowledged
 * @param {string[]} stored
 */
export function checkStoredOnce(acknowledged, stored) {
  const counts = new Map();
  for (const email of stored) counts.set(email, (counts.get(email) ?? 0) + 1);
  const ack = [...new Set(acknowledged)];
  const wrong = ack.filter((email) => counts.get(email) !== 1);
  const good = ack.length - wrong.length;
  return { acknowledged: ack.length, storedOnce: good, inFlight: stored.length - good, wrong };
}
