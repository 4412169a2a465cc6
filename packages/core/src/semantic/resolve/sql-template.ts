import { memoize } from '../util/memo.js';

/**
 * `${...}` references in dimension, metric, filter and join SQL (reference §2.4):
 * `${TABLE}`, `${field}`, `${table.field}`; `${lightdash.…}` / `${ld.…}` (user attributes,
 * parameters) stay in the text for the query engine to substitute.
 */
export type TemplatePart = string | { kind: 'table' } | { kind: 'ref'; table?: string; name: string; text: string };

const TOKEN = /\$\{([^}]*)\}/g;
/** Shared: every `${TABLE}` is the same part. */
export const TABLE_PART: TemplatePart = Object.freeze({ kind: 'table' as const });
const NAME = /^[A-Za-z0-9_]+$/;
const QUALIFIED = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/;
const PLACEHOLDER = /^(lightdash|ld)\./;

export interface ParsedTemplate {
  parts: TemplatePart[];
  errors: string[];
}

const parse = (sql: string): ParsedTemplate => {
  if (!sql.includes('${')) return { parts: [sql], errors: [] };
  const parts: TemplatePart[] = [];
  const errors: string[] = [];
  let text = '';
  let last = 0;
  for (const m of sql.matchAll(TOKEN)) {
    text += sql.slice(last, m.index);
    last = m.index + m[0].length;
    const inner = m[1]!.trim();
    if (inner === 'TABLE') {
      if (text) parts.push(text);
      text = '';
      parts.push(TABLE_PART);
    } else if (PLACEHOLDER.test(inner)) {
      text += m[0];
    } else if (NAME.test(inner) || QUALIFIED.test(inner)) {
      if (text) parts.push(text);
      text = '';
      const q = QUALIFIED.exec(inner);
      parts.push(q ? { kind: 'ref', table: q[1]!, name: q[2]!, text: m[0] } : { kind: 'ref', name: inner, text: m[0] });
    } else {
      errors.push(`cannot resolve reference ${m[0]}: expected \${field}, \${table.field} or \${TABLE}`);
      text += m[0];
    }
  }
  text += sql.slice(last);
  if (text) parts.push(text);
  return { parts, errors };
};

/** Parsed templates are shared (and frozen): equal SQL parses once. */
export const parseTemplate = memoize((sql: string): ParsedTemplate => {
  const parsed = parse(sql);
  Object.freeze(parsed.parts);
  return parsed;
});

/** Tables a template names explicitly (`${table.field}`), in order of appearance. */
export const referencedTables = (parts: readonly TemplatePart[]): string[] => {
  const out: string[] = [];
  for (const p of parts) if (typeof p !== 'string' && p.kind === 'ref' && p.table && !out.includes(p.table)) out.push(p.table);
  return out;
};
