import type { CompiledDimension, CompiledMetric, TimeFrame } from '../../semantic/types/explore.js';
import type { AdditionalMetric, CustomFormat, ResultField, TableCalculation } from '../types.js';
import { createCustomFormatter, fromLegacy, isLegacyFormatName } from './custom-format.js';
import type { ValueFormatter } from './custom-format.js';
import { createDateFormatter, createTimestampFormatter } from './date-format.js';
import { compileExpression } from './expression-format.js';
import { formatBoolean, stringify } from './stringify.js';
import { checkTimeZone } from './time-zone.js';

export type { ValueFormatter } from './custom-format.js';

/** What a column can be described by: a result field, or a custom metric as the request sent it. */
export type FormattableField = ResultField | AdditionalMetric;

export interface FormatOptions {
  /** IANA zone in which timestamps are shown; UTC when unset. Dates are calendar values and never shift. */
  timezone?: string | undefined;
}

type ValueKind = 'string' | 'boolean' | 'date' | 'timestamp' | 'number';

/** Interval children whose values are numbers but read as labels: `2024`, not `2,024`. */
const NUMERIC_FRAMES: ReadonlySet<TimeFrame> = new Set<TimeFrame>([
  'DAY_OF_WEEK_INDEX',
  'DAY_OF_MONTH_NUM',
  'DAY_OF_YEAR_NUM',
  'WEEK_NUM',
  'MONTH_NUM',
  'QUARTER_NUM',
  'YEAR_NUM',
  'HOUR_OF_DAY_NUM',
  'MINUTE_OF_HOUR_NUM',
]);

type Described =
  | { kind: 'dimension'; field: CompiledDimension }
  | { kind: 'metric'; field: CompiledMetric | AdditionalMetric }
  | { kind: 'calculation'; field: TableCalculation }
  | { kind: 'custom-dimension'; valueKind: ValueKind };

const classify = (field: FormattableField): Described => {
  if ('fieldType' in field && field.fieldType === 'dimension') return { kind: 'dimension', field };
  if ('fieldType' in field && field.fieldType === 'metric') return { kind: 'metric', field };
  if ('displayName' in field) return { kind: 'calculation', field };
  if (field.type === 'bin') return { kind: 'custom-dimension', valueKind: 'string' };
  if (field.type === 'sql' && 'dimensionType' in field) return { kind: 'custom-dimension', valueKind: field.dimensionType };
  return { kind: 'metric', field: field as AdditionalMetric };
};

const metricKind = (type: string): ValueKind => {
  switch (type) {
    case 'string':
    case 'boolean':
    case 'date':
    case 'timestamp':
      return type;
    default:
      return 'number';
  }
};

const valueKind = (d: Described): ValueKind => {
  switch (d.kind) {
    case 'dimension':
      return d.field.type;
    case 'metric':
      return metricKind(d.field.type);
    case 'calculation':
      return d.field.type ?? 'number';
    case 'custom-dimension':
      return d.valueKind;
  }
};

/**
 * The CustomFormat a field is formatted with: `formatOptions` (custom metrics), a table
 * calculation's `format`, else its legacy keys (with a legacy name found in `formatExpression`,
 * and the field's `separator` when the format has none).
 */
const customFormatOf = (d: Described): CustomFormat | undefined => {
  if (d.kind === 'custom-dimension') return undefined;
  if (d.kind === 'calculation') return d.field.format;
  const field = d.field;
  const options = 'formatOptions' in field ? (field.formatOptions as CustomFormat | undefined) : undefined;
  const expression = 'formatExpression' in field ? field.formatExpression : undefined;
  const base = options ?? fromLegacy({
    format: field.format ?? (expression !== undefined && isLegacyFormatName(expression) ? expression : undefined),
    round: field.round,
    compact: field.compact,
  });
  const separator = 'separator' in field ? field.separator : undefined;
  return separator && separator !== 'default' && !base.separator ? ({ ...base, separator } as CustomFormat) : base;
};

/** A spreadsheet expression of the field, when it has one that is not a legacy name. */
const expressionOf = (d: Described): string | undefined => {
  if (d.kind !== 'dimension' && d.kind !== 'metric') return undefined;
  const expression = 'formatExpression' in d.field ? d.field.formatExpression : undefined;
  return expression && !isLegacyFormatName(expression) ? expression : undefined;
};

const intervalOf = (d: Described, format: CustomFormat | undefined): TimeFrame | undefined => {
  if ((format?.type === 'date' || format?.type === 'timestamp') && format.timeInterval) return format.timeInterval;
  return d.kind === 'dimension' ? d.field.timeInterval : undefined;
};

const typedFormatter = (field: FormattableField, timeZone: string | undefined): ValueFormatter => {
  const d = classify(field);
  const format = customFormatOf(d);
  const base = ((): ValueFormatter => {
    switch (valueKind(d)) {
      case 'string':
        return stringify;
      case 'boolean':
        return formatBoolean;
      case 'date':
        return createDateFormatter(intervalOf(d, format));
      case 'timestamp':
        return createTimestampFormatter(intervalOf(d, format), timeZone);
      case 'number':
      default: // a type outside the contract (stored content, newer clients): formatted as a number when it is one
        if (d.kind === 'dimension' && d.field.timeInterval && NUMERIC_FRAMES.has(d.field.timeInterval)) return stringify;
        return createCustomFormatter(format, timeZone);
    }
  })();
  const expression = expressionOf(d);
  const byExpression = expression === undefined ? undefined : compileExpression(expression);
  return byExpression ? (raw) => byExpression(raw) ?? base(raw) : base;
};

/**
 * The formatter of one column, built once: every decision that depends only on the field (kind,
 * format, Intl objects, time zone) is taken here, so formatting a value is a closure call.
 * Throws ParameterError for an unknown time zone; never throws on a value.
 */
export const createValueFormatter = (field: FormattableField | undefined, options: FormatOptions = {}): ValueFormatter => {
  const timeZone = options.timezone;
  checkTimeZone(timeZone);
  const inner = field ? typedFormatter(field, timeZone) : createCustomFormatter(undefined, timeZone);
  return (raw) => (raw === null ? '∅' : raw === undefined ? '-' : inner(raw));
};

/** One value formatted for display (§6.2 of the reference). For many rows use `formatRows`. */
export const formatValue = (raw: unknown, field: FormattableField | undefined, options?: FormatOptions): string =>
  createValueFormatter(field, options)(raw);
