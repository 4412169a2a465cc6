import type { CompiledExploreJoin, Explore } from '../semantic/types/explore.js';

/**
 * The joins a query needs: those of the tables its fields, filters and sorts reach, every table the
 * `sql_on` of a needed join reaches (intermediaries, recursively), and `always` joins — in the
 * explore's declared order.
 */
export const neededJoins = (explore: Explore, tables: Iterable<string>): CompiledExploreJoin[] => {
  const byTable = new Map(explore.joinedTables.map((j) => [j.table, j]));
  const needed = new Set<string>();
  const visit = (table: string) => {
    if (table === explore.baseTable || needed.has(table)) return;
    const join = byTable.get(table);
    if (!join) return;
    needed.add(table);
    for (const t of join.tablesReferences) visit(t);
  };
  for (const t of tables) visit(t);
  for (const j of explore.joinedTables) if (j.always) visit(j.table);
  return explore.joinedTables.filter((j) => needed.has(j.table));
};

/**
 * Which tables' rows the needed joins repeat. The joins form a tree under the base table (a join's
 * parent is the earliest-joined table its `sql_on` reaches). Cutting the edge of a join splits the
 * tables in two: a one-to-many join repeats every row on the parent's side, a many-to-one join
 * every row on the joined side, many-to-many both. Joins without a relationship are reported.
 */
export const inflatedTables = (
  explore: Explore,
  joins: readonly CompiledExploreJoin[],
): { inflated: Set<string>; unknown: CompiledExploreJoin[] } => {
  const order = new Map<string, number>([[explore.baseTable, -1], ...joins.map((j, i) => [j.table, i] as const)]);
  const parent = new Map<string, string>();
  for (const j of joins) {
    const candidates = j.tablesReferences.filter((t) => t !== j.table && order.has(t));
    candidates.sort((a, b) => order.get(a)! - order.get(b)!);
    parent.set(j.table, candidates[0] ?? explore.baseTable);
  }
  const under = (table: string, root: string): boolean => {
    for (let t: string | undefined = table; t !== undefined; t = parent.get(t)) if (t === root) return true;
    return false;
  };
  const all = [...order.keys()];
  const inflated = new Set<string>();
  const unknown: CompiledExploreJoin[] = [];
  for (const j of joins) {
    const rel = j.relationship;
    if (!rel) {
      unknown.push(j);
      continue;
    }
    for (const t of all) {
      const joinedSide = under(t, j.table);
      if ((joinedSide && (rel === 'many-to-one' || rel === 'many-to-many')) || (!joinedSide && (rel === 'one-to-many' || rel === 'many-to-many'))) {
        inflated.add(t);
      }
    }
  }
  return { inflated, unknown };
};

export const JOIN_KEYWORD = {
  inner: 'INNER',
  left: 'LEFT OUTER',
  right: 'RIGHT OUTER',
  full: 'FULL OUTER',
} as const;
