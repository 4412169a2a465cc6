/**
 * Memoizes a pure one-argument function of text. Model sets repeat names endlessly (`id`,
 * `created_at`, `${TABLE}.id`), so results are shared rather than rebuilt per table — less time
 * and, since equal results are one object, less memory. The cache empties when it reaches `max`
 * entries, so it stays bounded in a long-running server.
 */
export const memoize = <R>(fn: (key: string) => R, max = 100_000): ((key: string) => R) => {
  let cache = new Map<string, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      if (cache.size >= max) cache = new Map();
      cache.set(key, value);
    }
    return value as R;
  };
};
