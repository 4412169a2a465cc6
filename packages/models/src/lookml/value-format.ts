/**
 * LookML `value_format_name` / `value_format` → Tessera display keys (`format`, `round`).
 * Built-in names map to the legacy formats (`usd`, `percent`…) plus decimals; a project's
 * `named_value_format` and a literal `value_format` become a spreadsheet format expression.
 */
export type FormatKeys = { format?: string; round?: number };

const CURRENCIES = new Set(['usd', 'gbp', 'eur']);

export const formatKeysOf = (
  valueFormatName: string | undefined,
  valueFormat: string | undefined,
  named: Record<string, string>,
): FormatKeys | string => {
  if (valueFormat) return { format: valueFormat };
  if (!valueFormatName) return {};
  if (named[valueFormatName] !== undefined) return { format: named[valueFormatName] };
  const m = /^([a-z]+)(?:_(\d))?$/.exec(valueFormatName);
  if (m) {
    const [, base, digits] = m as unknown as [string, string, string | undefined];
    const round = digits === undefined ? undefined : Number(digits);
    if (base === 'decimal' && round !== undefined) return { round };
    if (base === 'percent' && round !== undefined) return { format: 'percent', round };
    if (CURRENCIES.has(base)) return { format: base, round: round ?? 2 };
    if (base === 'id' && round === undefined) return { format: 'id' };
  }
  return `value_format_name "${valueFormatName}" is not a built-in format or a named_value_format of the model; ignored`;
};
