/**
 * SQL building helpers for deterministic pseudo-random values (all inputs are the generator's own
 * constants, never user input). Random numbers come from the `rnd(key, salt)` macro (see macros.ts);
 * categorical values are drawn from constant "slot" lists (`list[1 + floor(r * n)]`, flat: indexing a
 * nested list literal copies the inner list per row) instead of CASE chains, which DuckDB evaluates
 * branch by branch.
 */

export type SqlScalar = string | number | null;

/** Resolution of the slot lists used for weighted categorical draws. */
const SLOTS = 200;

export function lit(v: SqlScalar): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

export function list(values: readonly SqlScalar[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

/** Expands weighted options into SLOTS entries (largest-remainder rounding). */
function slots(options: readonly (readonly [SqlScalar, number])[]): SqlScalar[] {
  const total = options.reduce((s, [, w]) => s + w, 0);
  const exact = options.map(([, w]) => (w / total) * SLOTS);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = SLOTS - counts.reduce((s, c) => s + c, 0);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return options.flatMap(([v], i) => Array<SqlScalar>(counts[i] ?? 0).fill(v));
}

/** Weighted draw with a random column r in [0, 1). */
export function weighted(r: string, options: readonly (readonly [SqlScalar, number])[]): string {
  return `${list(slots(options))}[1 + floor(${r} * ${SLOTS})::INTEGER]`;
}

/**
 * Weighted draw from per-group option lists; `group` is a 1-based index expression. The groups are
 * flattened into one list: indexing a nested list literal copies the inner list for every row.
 */
export function weightedBy(group: string, r: string, perGroup: readonly (readonly (readonly [SqlScalar, number])[])[]): string {
  return `${list(perGroup.flatMap((g) => slots(g)))}[(${group} - 1) * ${SLOTS} + 1 + floor(${r} * ${SLOTS})::INTEGER]`;
}

/** Uniform draw from a list with a random column r in [0, 1). */
export function pick(r: string, values: readonly SqlScalar[]): string {
  return `${list(values)}[1 + floor(${r} * ${values.length})::INTEGER]`;
}

/** `rnd(key, salt) AS name` for each (name, salt) pair. */
export function randoms(key: string, columns: Record<string, number>): string {
  return Object.entries(columns)
    .map(([name, salt]) => `rnd(${key}, ${salt}) AS ${name}`)
    .join(', ');
}
