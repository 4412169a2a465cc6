import type { TimeFrame } from '../../semantic/types/explore.js';
import type { CustomFormat } from '../types.js';
import { compactUnit } from './compact.js';
import type { NumberShape } from './fast-number.js';
import { fieldFormat } from './field-format.js';
import type { FormattableField } from './field-format.js';
import { numberStyleShape, validCurrency } from './number-format.js';
import { checkTimeZone, isUtc } from './time-zone.js';
import type { FormatOptions } from './value-formatter.js';

export type { NumberShape } from './fast-number.js';

/**
 * A column's formatting as data, for a renderer outside JS — the warehouse's own CSV writer renders
 * it in SQL — giving the text `createValueFormatter` gives, for the formats that have a plain
 * description. Every plan reads NULL as `∅`.
 *
 * - `text`: the value's own text (strings, `id` numbers, interval numbers such as `2024`);
 * - `boolean`: `True` / `False`;
 * - `date`: `YYYY` · `YYYY-Q1` · `YYYY-MM` · `YYYY-MM-DD` by part, of the date (an instant's UTC date);
 * - `timestamp`: `YYYY-MM-DD, HH:mm:ss:SSS (+00:00)` in UTC, shortened to the part;
 * - `number`: the sign's affixes around the digits, grouped, rounded half away from zero to at most
 *   `maxFraction` places, trailing zeros dropped down to `minFraction`.
 */
export type FormatPlan =
  | { type: 'text' }
  | { type: 'boolean' }
  | { type: 'date'; part: 'YEAR' | 'QUARTER' | 'MONTH' | 'DAY' }
  | { type: 'timestamp'; part: 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND' }
  | { type: 'number'; shape: NumberShape };

const datePart = (interval: TimeFrame | undefined) =>
  interval === 'YEAR' || interval === 'QUARTER' || interval === 'MONTH' ? interval : 'DAY';

const timePart = (interval: TimeFrame | undefined) =>
  interval === 'HOUR' || interval === 'MINUTE' || interval === 'SECOND' ? interval : 'MILLISECOND';

/** The plan of a number format (`createCustomFormatter`'s branches), or undefined where the text depends on more than the shape. */
const numberPlan = (format: CustomFormat | undefined): FormatPlan | undefined => {
  switch (format?.type) {
    case undefined:
    case 'default': {
      const shape = numberStyleShape({});
      return shape && { type: 'number', shape };
    }
    case 'id':
      return { type: 'text' };
    case 'currency':
    case 'number': {
      // Compact divides in floating point; percent multiplies in it: their digits are not the value's.
      if (compactUnit(format.compact)) return undefined;
      const currency = format.type === 'currency' ? validCurrency(format.currency) : undefined;
      const shape = numberStyleShape({ round: format.round, separator: format.separator, currency });
      if (!shape || shape.minInteger !== 1) return undefined;
      const prefix = format.type === 'number' ? (format.prefix ?? '') : '';
      const suffix = format.type === 'number' ? (format.suffix ?? '') : '';
      return {
        type: 'number',
        shape: {
          ...shape,
          positivePrefix: prefix + shape.positivePrefix,
          negativePrefix: prefix + shape.negativePrefix,
          positiveSuffix: shape.positiveSuffix + suffix,
          negativeSuffix: shape.negativeSuffix + suffix,
        },
      };
    }
    default:
      return undefined;
  }
};

/**
 * The plan of `createValueFormatter(field, options)`, or undefined when it has none: spreadsheet
 * expressions, compact, percent, rounding to tens, and timestamps shown in a zone other than UTC
 * (the warehouse's zone rules may be another tzdata release than Node's) are formatted in JS only.
 * Throws ParameterError for an unknown time zone, as the formatter does.
 */
export const formatPlan = (field: FormattableField | undefined, options: FormatOptions = {}): FormatPlan | undefined => {
  checkTimeZone(options.timezone);
  if (!field) return numberPlan(undefined);
  const { kind, format, interval, expression } = fieldFormat(field);
  if (expression !== undefined) return undefined;
  switch (kind) {
    case 'string':
    case 'label':
      return { type: 'text' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'date', part: datePart(interval) };
    case 'timestamp':
      return isUtc(options.timezone) ? { type: 'timestamp', part: timePart(interval) } : undefined;
    default:
      return numberPlan(format);
  }
};
