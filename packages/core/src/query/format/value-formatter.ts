import { createCustomFormatter } from './custom-format.js';
import type { ValueFormatter } from './custom-format.js';
import { createDateFormatter, createTimestampFormatter } from './date-format.js';
import { compileExpression } from './expression-format.js';
import { fieldFormat } from './field-format.js';
import type { FormattableField } from './field-format.js';
import { formatBoolean, stringify } from './stringify.js';
import { checkTimeZone } from './time-zone.js';

export type { ValueFormatter } from './custom-format.js';

export type { FormattableField } from './field-format.js';

export interface FormatOptions {
  /** IANA zone in which timestamps are shown; UTC when unset. Dates are calendar values and never shift. */
  timezone?: string | undefined;
}

const typedFormatter = (field: FormattableField, timeZone: string | undefined): ValueFormatter => {
  const { kind, format, interval, expression } = fieldFormat(field);
  const base = ((): ValueFormatter => {
    switch (kind) {
      case 'string':
      case 'label':
        return stringify;
      case 'boolean':
        return formatBoolean;
      case 'date':
        return createDateFormatter(interval);
      case 'timestamp':
        return createTimestampFormatter(interval, timeZone);
      case 'number':
      default: // a type outside the contract (stored content, newer clients): formatted as a number when it is one
        return createCustomFormatter(format, timeZone);
    }
  })();
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
