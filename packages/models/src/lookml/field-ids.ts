import type { Explore, TimeFrame } from '@tessera/core';
import { LOOKML_TIMEFRAMES, lookmlTimeframeOf, tesseraFrameOf } from './timeframes.js';

/** The part of a compiled explore the mapping reads (any explore of a LookML project). */
export type LookmlFieldScope = Pick<Explore, 'tables'>;

export interface LookmlFieldMatch {
  fieldId: string;
  /** The table in the explore: the LookML view name or join alias. */
  table: string;
  /** The Tessera field name (`created_day` for LookML `created_date`). */
  name: string;
  fieldType: 'dimension' | 'metric';
}

/** Longest first, so `day_of_week_index` wins over `week`... and `index`. */
const SUFFIXES = [...LOOKML_TIMEFRAMES].sort((a, b) => b.length - a.length);

const fieldOf = (scope: LookmlFieldScope, table: string, name: string): LookmlFieldMatch | undefined => {
  const t = scope.tables[table];
  if (!t) return undefined;
  if (t.dimensions[name]) return { fieldId: `${table}_${name}`, table, name, fieldType: 'dimension' };
  if (t.metrics[name]) return { fieldId: `${table}_${name}`, table, name, fieldType: 'metric' };
  return undefined;
};

/**
 * A LookML field reference `view.field` in an explore → the Tessera field, if the explore has it.
 * Dimension-group fields are found under their Tessera time-interval name (`order.created_date`
 * → `order_created_day`, `order.created_time` → `order_created_raw`).
 */
export const findLookmlField = (scope: LookmlFieldScope, ref: string): LookmlFieldMatch | undefined => {
  const dot = ref.indexOf('.');
  if (dot <= 0) return undefined;
  const table = ref.slice(0, dot);
  const field = ref.slice(dot + 1);
  const direct = fieldOf(scope, table, field);
  if (direct) return direct;
  for (const timeframe of SUFFIXES) {
    if (!field.endsWith(`_${timeframe}`)) continue;
    const base = field.slice(0, -timeframe.length - 1);
    const frame = tesseraFrameOf(timeframe)!;
    const match = fieldOf(scope, table, `${base}_${frame.toLowerCase()}`);
    if (match && scope.tables[table]!.dimensions[match.name]!.timeIntervalBaseDimensionName === base) return match;
  }
  return undefined;
};

/**
 * `view.field` → Tessera field id `<view>_<field>` (time frames renamed as in `findLookmlField`).
 * A reference the explore lacks maps by the naming rule alone, so the caller can report the id.
 */
export const lookmlFieldToFieldId = (scope: LookmlFieldScope, ref: string): string =>
  findLookmlField(scope, ref)?.fieldId ?? ref.replace('.', '_');

/**
 * Tessera field id → LookML reference `view.field`, or undefined when the explore has no such
 * field. Time intervals become their LookML timeframe (`RAW` → `time`, `DAY` → `date`).
 */
export const fieldIdToLookmlField = (scope: LookmlFieldScope, fieldId: string): string | undefined => {
  for (const [table, t] of Object.entries(scope.tables)) {
    if (!fieldId.startsWith(`${table}_`)) continue;
    const name = fieldId.slice(table.length + 1);
    if (t.metrics[name]) return `${table}.${name}`;
    const dimension = t.dimensions[name];
    if (!dimension) continue;
    const base = dimension.timeIntervalBaseDimensionName;
    const timeframe = dimension.timeInterval ? lookmlTimeframeOf(dimension.timeInterval as TimeFrame) : undefined;
    return base && timeframe ? `${table}.${base}_${timeframe}` : `${table}.${name}`;
  }
  return undefined;
};
