/**
 * Text of a value shown as-is (strings, unformatted numbers, unknown shapes). Never depends on the
 * server's locale or zone: a Date becomes its ISO string, an object or array its JSON.
 */
export const stringify = (raw: unknown): string => {
  if (typeof raw === 'string') return raw;
  if (raw === null) return '∅';
  if (raw === undefined) return '-';
  if (typeof raw !== 'object') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'NaT' : raw.toISOString();
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
};

const TRUTHY = new Set(['True', 'true', 'yes', 'Yes', '1', 'T']);

/**
 * Booleans as the 0.1411 web app shows them: `True` / `False` (Lightdash switched from Yes/No in
 * 2023, PR #6855). The same spellings count as true (`true`, `yes`, `1`, `T`…); MySQL's 0/1 work.
 */
export const formatBoolean = (raw: unknown): string => (TRUTHY.has(String(raw)) ? 'True' : 'False');
