import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import type { TableCalculation } from '../types.js';
import { formatPlan } from './format-plan.js';
import { dimension, metric } from './testing.js';

const calculation = (format: TableCalculation['format']): TableCalculation => ({ name: 'calc', displayName: 'Calc', sql: '1', format });

const shape = (over: Record<string, unknown>) => ({
  type: 'number',
  shape: { positivePrefix: '', positiveSuffix: '', negativePrefix: '-', negativeSuffix: '', group: ',', decimal: '.', minInteger: 1, minFraction: 0, maxFraction: 3, ...over },
});

describe('formatPlan', () => {
  it('states number formats as the Intl shape the formatter uses, with the style applied', () => {
    expect(formatPlan(dimension())).toEqual(shape({}));
    expect(formatPlan(undefined)).toEqual(shape({}));
    expect(formatPlan(metric({ format: 'usd' }))).toEqual(shape({ positivePrefix: '$', negativePrefix: '-$', minFraction: 2, maxFraction: 2 }));
    expect(formatPlan(calculation({ type: 'currency', currency: 'DKK', round: 0 }))).toEqual(shape({ positivePrefix: 'DKK ', negativePrefix: '-DKK ', maxFraction: 0 }));
    expect(formatPlan(calculation({ type: 'currency', currency: 'EUR', separator: 'periodComma' }))).toEqual(
      shape({ positiveSuffix: ' €', negativeSuffix: ' €', group: '.', decimal: ',', minFraction: 2, maxFraction: 2 }),
    );
    expect(formatPlan(calculation({ type: 'number', round: 2, separator: 'spacePeriod', prefix: '~', suffix: ' kg' }))).toEqual(
      shape({ positivePrefix: '~', negativePrefix: '~-', positiveSuffix: ' kg', negativeSuffix: ' kg', group: ' ', minFraction: 2, maxFraction: 2 }),
    );
    expect(formatPlan(calculation({ type: 'number', separator: 'noSeparatorPeriod' }))).toEqual(shape({ group: '' }));
    expect(formatPlan(metric({ format: 'km' }))).toEqual(shape({ positiveSuffix: ' km', negativeSuffix: ' km' }));
    expect(formatPlan(metric({ round: 40 }))).toEqual(shape({ minFraction: 20, maxFraction: 20 }));
  });

  it('states text, booleans, dates and UTC timestamps by their part', () => {
    expect(formatPlan(dimension({ type: 'string' }))).toEqual({ type: 'text' });
    expect(formatPlan(metric({ format: 'id' }))).toEqual({ type: 'text' });
    expect(formatPlan(dimension({ type: 'number', timeInterval: 'YEAR_NUM' }))).toEqual({ type: 'text' });
    expect(formatPlan(dimension({ type: 'boolean' }))).toEqual({ type: 'boolean' });
    expect(formatPlan(dimension({ type: 'date', timeInterval: 'QUARTER' }))).toEqual({ type: 'date', part: 'QUARTER' });
    expect(formatPlan(dimension({ type: 'date', timeInterval: 'WEEK' }))).toEqual({ type: 'date', part: 'DAY' });
    expect(formatPlan(dimension({ type: 'timestamp', timeInterval: 'MINUTE' }), { timezone: 'Etc/UTC' })).toEqual({ type: 'timestamp', part: 'MINUTE' });
    expect(formatPlan(dimension({ type: 'timestamp' }))).toEqual({ type: 'timestamp', part: 'MILLISECOND' });
  });

  it('has none where the text depends on more than the shape', () => {
    for (const field of [
      metric({ format: 'percent' }),
      metric({ compact: 'thousands' }),
      metric({ round: -1 }),
      metric({ formatExpression: '0.0 "x"' }),
      calculation({ type: 'percent' }),
      calculation({ type: 'date' }),
    ]) {
      expect(formatPlan(field), JSON.stringify(field)).toBeUndefined();
    }
    expect(formatPlan(dimension({ type: 'timestamp' }), { timezone: 'America/New_York' })).toBeUndefined();
    expect(() => formatPlan(dimension(), { timezone: 'Mars/Base' })).toThrow(ParameterError);
  });
});
