import { createHash } from 'node:crypto';

/**
 * The name of a build cache's entry for some inputs: equal inputs, equal names; any change, another name. Each part is
 * hashed with its length, so parts cannot run into one another (["ab", "c"] and ["a", "bc"] differ). Any iterable: a
 * generator hashes a whole site one file at a time, without holding it in memory.
 */
export function contentKey(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest('hex').slice(0, 32);
}
