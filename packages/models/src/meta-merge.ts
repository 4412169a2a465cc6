function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep merge of meta mappings, later arguments winning: mappings merge key by key, anything else
 * (text, lists) is replaced. This is how dbt `meta` and `config.meta` combine (config wins) and
 * how project-level `+meta` sits under model YAML.
 */
export const mergeMeta = (...layers: unknown[]): Record<string, unknown> => {
  // One mapping among the layers: it is the result (shared, not copied — inputs are never mutated).
  const present = layers.filter(isPlainObject);
  if (present.length === 1) return present[0]!;
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      const current = out[key];
      out[key] = isPlainObject(current) && isPlainObject(value) ? mergeMeta(current, value) : value;
    }
  }
  return out;
};

export { isPlainObject };
