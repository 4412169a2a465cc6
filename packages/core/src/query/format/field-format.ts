import { TIME_FRAMES } from '../../semantic/types/explore.js';
import type { CompiledDimension, CompiledMetric, TimeFrame } from '../../semantic/types/explore.js';
import type { AdditionalMetric, CustomFormat, ResultField, TableCalculation } from '../types.js';
import { fromLegacy, isLegacyFormatName } from './custom-format.js';

/**
 * What decides how a field's values read — its value kind, CustomFormat, time interval and
 * spreadsheet expression — taken from the field once. The JS formatter (`value-formatter.ts`) and
 * the plan for warehouse-side rendering (`format-plan.ts`) both start here, so they cannot disagree
 * on which format a field has.
 */

/** What a column can be described by: a result field, or a custom metric as the request sent it. */
export type FormattableField = ResultField | AdditionalMetric;

export type ValueKind = 'string' | 'boolean' | 'date' | 'timestamp' | 'number';

/** Interval children whose values are numbers but read as labels (`2024`, not `2,024`): the `…_NUM` and `…_INDEX` frames. */
const NUMERIC_FRAMES: ReadonlySet<TimeFrame> = new Set(TIME_FRAMES.filter((frame) => frame.endsWith('_NUM') || frame.endsWith('_INDEX')));

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


const TEXTUAL_KINDS: ReadonlySet<string> = new Set<ValueKind>(['string', 'boolean', 'date', 'timestamp']);

export interface FieldFormat {
  /** The value kind; `label` for interval children whose numbers read as text (`2024`). */
  kind: ValueKind | 'label';
  /** The CustomFormat numbers are formatted with (undefined: the default number format). */
  format: CustomFormat | undefined;
  /** The time interval dates and timestamps are shown at. */
  interval: TimeFrame | undefined;
  /** A spreadsheet format expression, tried before the rest. */
  expression: string | undefined;
}

export const fieldFormat = (field: FormattableField): FieldFormat => {
  const d = classify(field);
  const format = customFormatOf(d);
  const kind = valueKind(d);
  // A number, or a type outside the contract (stored content, newer clients) read as one.
  const numeric = !TEXTUAL_KINDS.has(kind);
  const label = numeric && d.kind === 'dimension' && d.field.timeInterval !== undefined && NUMERIC_FRAMES.has(d.field.timeInterval);
  return { kind: label ? 'label' : kind, format, interval: intervalOf(d, format), expression: expressionOf(d) };
};
