import { ParameterError } from '@tessera/core';

/** A parsed `fields=` selection: name → nested selection (null: the whole value). */
export type FieldSelection = Map<string, FieldSelection | null>;

/**
 * Parses Looker's `fields` parameter: comma-separated names, each optionally followed by a nested
 * selection in parentheses (`id,title,dashboard_elements(id,title)`).
 */
export const parseFields = (text: string): FieldSelection => {
  let at = 0;
  const list = (): FieldSelection => {
    const selection: FieldSelection = new Map();
    for (;;) {
      const name = /^\s*([A-Za-z0-9_]*)\s*/.exec(text.slice(at))!;
      at += name[0].length;
      let nested: FieldSelection | null = null;
      if (text[at] === '(') {
        at++;
        nested = list();
        if (text[at] !== ')') throw new ParameterError(`fields: missing ")" at character ${at + 1} of "${text}"`);
        at++;
        at += /^\s*/.exec(text.slice(at))![0].length;
      }
      if (name[1]) selection.set(name[1], nested);
      if (text[at] !== ',') return selection;
      at++;
    }
  };
  const selection = list();
  if (at !== text.length) throw new ParameterError(`fields: unexpected "${text[at]}" at character ${at + 1} of "${text}"`);
  return selection;
};

/** The value with only the selected keys (arrays: each item), or the value itself without a selection. */
export const selectFields = (value: unknown, fields: string | undefined): unknown => (fields === undefined || fields.trim() === '' ? value : apply(value, parseFields(fields)));

const apply = (value: unknown, selection: FieldSelection): unknown => {
  if (Array.isArray(value)) return value.map((item) => apply(item, selection));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, nested] of selection) {
    if (!(key in source)) continue;
    out[key] = nested === null ? source[key] : apply(source[key], nested);
  }
  return out;
};
