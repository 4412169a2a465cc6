import type { CompactOrAlias } from '../../semantic/types/explore.js';
import type { CustomFormat } from '../types.js';
import { compactUnit } from './compact.js';
import { createDateFormatter, createTimestampFormatter } from './date-format.js';
import { createNumberFormatter, formatDefaultNumber, toNumeric, validCurrency } from './number-format.js';
import type { Numeric } from './number-format.js';
import { stringify } from './stringify.js';

/**
 * `CustomFormat` (table calculations, custom metrics' `formatOptions`) and the legacy
 * `format`/`round`/`compact` keys, which are read as a CustomFormat first (as the anchor does since
 * January 2024, PR #8807 "unify legacy Format with CustomFormat"): currency names → `currency`,
 * `km`/`mi` → a number with a suffix, `percent`, `id`, anything else a `number` with
 * `round`/`compact`. So an unset `round` keeps up to 3 decimals everywhere (`1500` compact K →
 * `1.5K`, `0.12345` percent → `12.345%`), and percentages get thousands separators.
 */

/** Legacy currency names (`format: usd`…): the 0.1411 enum plus the codes newer builds accept. */
const LEGACY_CURRENCIES = new Set(['usd', 'gbp', 'eur', 'jpy', 'dkk']);

/** The CustomFormat of legacy field keys. */
export const fromLegacy = (legacy: { format?: string | undefined; round?: number | undefined; compact?: CompactOrAlias | undefined }): CustomFormat => {
  const { format, round, compact } = legacy;
  const rest = { ...(round !== undefined ? { round } : {}), ...(compact !== undefined ? { compact } : {}) };
  if (format !== undefined && LEGACY_CURRENCIES.has(format)) return { type: 'currency', currency: format.toUpperCase(), ...rest };
  if (format === 'km' || format === 'mi') return { type: 'number', suffix: ` ${format}`, ...rest };
  if (format === 'percent') return { type: 'percent', ...rest };
  if (format === 'id') return { type: 'id' };
  return { type: 'number', ...rest };
};

/** True when a `formatExpression` is really a legacy name (`jpy`, `dkk`) rather than a spreadsheet expression. */
export const isLegacyFormatName = (expression: string): boolean => LEGACY_CURRENCIES.has(expression);

export type ValueFormatter = (raw: unknown) => string;

/** A number format applied to numeric values; Dates show as timestamps, anything else as text. */
const numeric = (timeZone: string | undefined, formatNumber: (value: Numeric) => string): ValueFormatter => {
  const timestamp = createTimestampFormatter(undefined, timeZone);
  return (raw) => {
    const value = toNumeric(raw);
    if (value !== undefined) return formatNumber(value);
    return raw instanceof Date ? timestamp(raw) : stringify(raw);
  };
};

/** Default rendering: numbers with thousands commas and up to 3 decimals; Dates as timestamps; other values as text. */
export const createDefaultFormatter = (timeZone: string | undefined): ValueFormatter => numeric(timeZone, formatDefaultNumber);

/** The formatter of a CustomFormat; everything (Intl objects, compact unit, currency check) is resolved here, once. */
export const createCustomFormatter = (format: CustomFormat | undefined, timeZone: string | undefined): ValueFormatter => {
  if (format === undefined) return createDefaultFormatter(timeZone);
  switch (format.type) {
    case 'date':
      return createDateFormatter(format.timeInterval);
    case 'timestamp':
      return createTimestampFormatter(format.timeInterval, timeZone);
    case 'id':
      return numeric(timeZone, String);
    case 'percent': {
      const number = createNumberFormatter({ round: format.round, separator: format.separator });
      return numeric(timeZone, (value) => `${number(Number(value) * 100)}%`);
    }
    case 'currency':
    case 'number': {
      const currency = format.type === 'currency' ? validCurrency(format.currency) : undefined;
      const number = createNumberFormatter({ round: format.round, separator: format.separator, currency });
      const unit = compactUnit(format.compact);
      const prefix = format.type === 'number' ? (format.prefix ?? '') : '';
      const suffix = `${unit?.suffix ?? ''}${format.type === 'number' ? (format.suffix ?? '') : ''}`;
      if (unit) return numeric(timeZone, (value) => `${prefix}${number(Number(value) / unit.divisor)}${suffix}`);
      return numeric(timeZone, prefix || suffix ? (value) => `${prefix}${number(value)}${suffix}` : number);
    }
    case 'default':
      return createDefaultFormatter(timeZone);
    default: {
      // A new CustomFormatType fails the build here; a type only newer clients send (`custom`,
      // `bytes_si`…) is shown unformatted rather than failing the query.
      const unknownType: never = format.type;
      void unknownType;
      return createDefaultFormatter(timeZone);
    }
  }
};
