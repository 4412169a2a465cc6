import type { TimeFrame } from '@tessera/core';

/**
 * LookML `dimension_group` timeframes → Tessera time frames. A group `created` with timeframe
 * `date` is LookML field `created_date` and Tessera dimension `created_day`.
 */
const TO_TESSERA: Record<string, TimeFrame> = {
  raw: 'RAW',
  time: 'RAW',
  millisecond: 'MILLISECOND',
  second: 'SECOND',
  minute: 'MINUTE',
  hour: 'HOUR',
  date: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  quarter: 'QUARTER',
  year: 'YEAR',
  day_of_week: 'DAY_OF_WEEK_NAME',
  day_of_week_index: 'DAY_OF_WEEK_INDEX',
  day_of_month: 'DAY_OF_MONTH_NUM',
  day_of_year: 'DAY_OF_YEAR_NUM',
  week_of_year: 'WEEK_NUM',
  month_num: 'MONTH_NUM',
  month_name: 'MONTH_NAME',
  quarter_of_year: 'QUARTER_NAME',
  hour_of_day: 'HOUR_OF_DAY_NUM',
};

/** Tessera frame → the LookML timeframe shown for it (`RAW` → `time`, the one Looker users query). */
const TO_LOOKML: Partial<Record<TimeFrame, string>> = Object.fromEntries(
  Object.entries(TO_TESSERA)
    .filter(([lookml]) => lookml !== 'raw')
    .map(([lookml, frame]) => [frame, lookml]),
);

/** The Tessera frame of a LookML timeframe, or undefined when Tessera has none (`fiscal_quarter`, `minute15`…). */
export const tesseraFrameOf = (timeframe: string): TimeFrame | undefined => TO_TESSERA[timeframe.trim().toLowerCase()];

/** The LookML timeframe of a Tessera frame, or undefined (`YEAR_NUM`, `MINUTE_OF_HOUR_NUM`). */
export const lookmlTimeframeOf = (frame: TimeFrame): string | undefined => TO_LOOKML[frame];

/** Every LookML timeframe name that maps to a Tessera frame. */
export const LOOKML_TIMEFRAMES: readonly string[] = Object.keys(TO_TESSERA);
