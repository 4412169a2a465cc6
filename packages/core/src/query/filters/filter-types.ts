import type { DimensionType } from '../../semantic/types/explore.js';
import type { QueryDialect } from '../dialect.js';

/** The field a rule filters, as the caller resolved it from `rule.target.fieldId`. */
export interface FilterTarget {
  /** SQL of the field (a dimension's compiled SQL, or a quoted alias); parenthesised before use. */
  sql: string;
  type: DimensionType;
  /** Default for string operators; `rule.caseSensitive` overrides it. */
  caseSensitive: boolean;
  /** Named in error messages. */
  fieldId: string;
}

/** Everything a filter reads from the world: relative dates are computed from these, never from a clock. */
export interface FilterContext {
  now: Date;
  /** IANA time zone in which relative periods and zone-less timestamps are read. */
  timezone: string;
  /** First day of a week: 0 = Monday … 6 = Sunday; undefined = Monday. */
  weekStart?: number | undefined;
}

/**
 * For filters compiled once and kept (YAML metric `filters` in cached explores): relative dates
 * compare with the warehouse clock in SQL (`dialect.semantic`), so no "now" is baked in. Zone-less
 * timestamp values are read in `timezone`.
 */
export interface WarehouseClock {
  now: 'warehouse';
  timezone: string;
}

/** Relative dates against the warehouse clock; zone-less timestamps in UTC (what timestamp fields hold). */
export const WAREHOUSE_CLOCK: WarehouseClock = { now: 'warehouse', timezone: 'UTC' };

/**
 * What rendering a filter needs from a dialect: typed literals, LIKE, and the templates (for the
 * warehouse clock). Every `QueryDialect` is one; the explore compiler adapts its templates to it.
 */
export type FilterDialect = Pick<QueryDialect, 'literal' | 'likeMatch' | 'semantic'>;
