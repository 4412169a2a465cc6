import type { TableDraft } from '../parse/table-spec.js';

export type FieldSets = NonNullable<TableDraft['sets']>;

/** Sets may include other sets this deep (the anchor's limit). */
export const MAX_SET_DEPTH = 3;

/**
 * Expands a field list: `name*` includes a set, `-field` excludes a field (after all inclusions).
 * Order is kept and duplicates dropped. Problems go to `onError`.
 */
export const expandFieldList = (
  list: readonly string[],
  sets: FieldSets | undefined,
  onError: (message: string) => void,
  depth = 1,
): string[] => {
  const included: string[] = [];
  const excluded = new Set<string>();
  for (const item of list) {
    if (item.startsWith('-')) {
      excluded.add(item.slice(1));
    } else if (item.endsWith('*')) {
      const name = item.slice(0, -1);
      const set = sets?.[name];
      if (!set) onError(`"${item}" names no set${sets ? ` (sets: ${Object.keys(sets).join(', ')})` : ''}`);
      else if (depth > MAX_SET_DEPTH) onError(`set "${name}" nests deeper than ${MAX_SET_DEPTH} levels`);
      else for (const f of expandFieldList(set.fields, sets, onError, depth + 1)) if (!included.includes(f)) included.push(f);
    } else if (!included.includes(item)) {
      included.push(item);
    }
  }
  return excluded.size ? included.filter((f) => !excluded.has(f)) : included;
};
