import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { TIME_FRAMES } from '../types/explore.js';
import type { DimensionType, TimeFrame } from '../types/explore.js';
import { assertNever } from '../util/assert-never.js';

export const DEFAULT_DATE_FRAMES: readonly TimeFrame[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
export const DEFAULT_TIMESTAMP_FRAMES: readonly TimeFrame[] = ['RAW', ...DEFAULT_DATE_FRAMES];

/** The type of a time-interval child, from its frame and the base dimension's type. */
export const frameType = (frame: TimeFrame, baseType: 'date' | 'timestamp'): DimensionType => {
  switch (frame) {
    case 'RAW':
      return baseType;
    case 'MILLISECOND':
    case 'SECOND':
    case 'MINUTE':
    case 'HOUR':
      return 'timestamp';
    case 'DAY':
    case 'WEEK':
    case 'MONTH':
    case 'QUARTER':
    case 'YEAR':
      return 'date';
    case 'DAY_OF_WEEK_INDEX':
    case 'DAY_OF_MONTH_NUM':
    case 'DAY_OF_YEAR_NUM':
    case 'WEEK_NUM':
    case 'MONTH_NUM':
    case 'QUARTER_NUM':
    case 'YEAR_NUM':
    case 'HOUR_OF_DAY_NUM':
    case 'MINUTE_OF_HOUR_NUM':
      return 'number';
    case 'DAY_OF_WEEK_NAME':
    case 'MONTH_NAME':
    case 'QUARTER_NAME':
      return 'string';
    default:
      return assertNever(frame);
  }
};

export const FRAME_LABELS: Record<TimeFrame, string> = {
  RAW: 'Raw',
  YEAR: 'Year',
  QUARTER: 'Quarter',
  MONTH: 'Month',
  WEEK: 'Week',
  DAY: 'Day',
  HOUR: 'Hour',
  MINUTE: 'Minute',
  SECOND: 'Second',
  MILLISECOND: 'Millisecond',
  DAY_OF_WEEK_INDEX: 'Day of the week (index)',
  DAY_OF_MONTH_NUM: 'Day of the month (number)',
  DAY_OF_YEAR_NUM: 'Day of the year (number)',
  WEEK_NUM: 'Week (number)',
  MONTH_NUM: 'Month (number)',
  QUARTER_NUM: 'Quarter (number)',
  YEAR_NUM: 'Year (number)',
  DAY_OF_WEEK_NAME: 'Day of the week (name)',
  MONTH_NAME: 'Month (name)',
  QUARTER_NAME: 'Quarter (name)',
  HOUR_OF_DAY_NUM: 'Hour of day (number)',
  MINUTE_OF_HOUR_NUM: 'Minute of hour (number)',
};

const isTimeFrame = (s: string): s is TimeFrame => (TIME_FRAMES as readonly string[]).includes(s);

export const defaultFrames = (baseType: 'date' | 'timestamp'): readonly TimeFrame[] =>
  baseType === 'date' ? DEFAULT_DATE_FRAMES : DEFAULT_TIMESTAMP_FRAMES;

/**
 * `time_intervals` of a date/timestamp dimension: omitted, `default` or `true` → the defaults;
 * `OFF` or `false` → none; a list → those frames (case-insensitive). Custom granularities are not
 * supported yet: an unknown name is a warning and skipped.
 */
export const readTimeIntervals = (
  value: unknown,
  baseType: 'date' | 'timestamp',
  reporter: ErrorReporter,
): TimeFrame[] => {
  const defaults = baseType === 'date' ? DEFAULT_DATE_FRAMES : DEFAULT_TIMESTAMP_FRAMES;
  if (value === undefined || value === null || value === true) return [...defaults];
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'default') return [...defaults];
    if (v === 'off') return [];
  }
  if (value === false) return [];
  if (!Array.isArray(value)) {
    reporter.error(`"time_intervals" must be default, OFF or a list of time frames, got ${JSON.stringify(value)}`);
    return [];
  }
  const frames: TimeFrame[] = [];
  for (const item of value) {
    const name = String(item).trim().toUpperCase();
    if (isTimeFrame(name)) {
      if (!frames.includes(name)) frames.push(name);
    } else {
      reporter.warning(`time interval "${String(item)}" is not a time frame (custom granularities are not supported); skipped`);
    }
  }
  return frames;
};
