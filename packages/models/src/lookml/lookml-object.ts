/** Readers for the plain objects `lookml-parser` produces (`$name`, `$type`, `$strings` bookkeeping). */
export type LookmlObject = Record<string, unknown>;

export const isObject = (value: unknown): value is LookmlObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text value, trimmed (`sql: … ;;` keeps the spaces around it). */
export const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
};

/** `yes` / `no` (the parser gives booleans; older files may have text). */
export const yesNoOf = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
};

export const numberOf = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export const textListOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(textOf).filter((s): s is string => s !== undefined);
  const one = textOf(value);
  return one === undefined ? [] : [one];
};

/** Named children of one kind (`dimension: x {}` → `{ x: {...} }`), in declaration order. */
export const childrenOf = (parent: LookmlObject, kind: string): [string, LookmlObject][] => {
  const group = parent[kind];
  if (!isObject(group)) return [];
  return Object.entries(group).filter((e): e is [string, LookmlObject] => !e[0].startsWith('$') && isObject(e[1]));
};

/** `filters: [a: "x", b: "y"]` → `{a: 'x', b: 'y'}` (the parser's object form, bookkeeping dropped). */
export const filterMapOf = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  const add = (obj: LookmlObject) => {
    for (const [k, v] of Object.entries(obj)) {
      const t = textOf(v);
      if (!k.startsWith('$') && t !== undefined) out[k] = t;
    }
  };
  if (Array.isArray(value)) value.filter(isObject).forEach(add);
  else if (isObject(value)) add(value);
  return out;
};
