import type { DimensionType } from '../../semantic/types/explore.js';

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
