import type {
  AttributeValues,
  CompiledDimension,
  CompiledMetric,
  CompiledTable,
  JoinRelationship,
  JoinType,
  MetricFilterRule,
  TargetDatabase,
} from '../types/explore.js';

/**
 * The parsed form of one model — stage 1's output, the input of every later stage. Fields are
 * created in their output shape: a draft holds every property that does not depend on where the
 * table sits in an explore, and placeholders (`table`, `tableLabel`, `compiledSql`,
 * `tablesReferences` empty) that compiling fills in — in place when the table compiles under its
 * own name, so each field is one object, allocated once.
 */
export type DimensionDraft = CompiledDimension;
export type MetricDraft = CompiledMetric;

/** `tablesReferences` of a field not compiled yet. */
export const NOT_COMPILED: readonly string[] = Object.freeze([]);
export type TableDraft = Omit<CompiledTable, 'name' | 'dimensions' | 'metrics' | 'sqlWhere'>;

/**
 * A dimension is its draft. The table's own compilation completes the draft in place (adds table,
 * label, compiled SQL), so each field exists once in memory.
 */
export type DimensionSpec = DimensionDraft;

export interface MetricSpec {
  draft: MetricDraft;
  aggregate: boolean;
  /** The column a column-level metric is declared on (its `dimensionReference`). */
  column?: string;
}

export const dimensionKey = (name: string) => `d:${name}`;
export const metricKey = (name: string) => `m:${name}`;

/** Breadcrumb of a field key (`d:<name>`, `m:<name>`, `where`), e.g. "metric revenue". */
export const crumbOf = (key: string): string =>
  key === 'where' ? 'sql_filter' : `${key.startsWith('d:') ? 'dimension' : 'metric'} ${key.slice(2)}`;

export interface JoinSpec {
  /** The joined model's name. */
  model: string;
  /** Name of the table in the explore: the alias, else the model name. */
  alias: string;
  hasAlias: boolean;
  sqlOn: string;
  type: JoinType;
  relationship?: JoinRelationship;
  label?: string;
  description?: string;
  hidden?: boolean;
  always?: boolean;
  /** Visible subset, as written (sets and exclusions expanded at assembly). */
  fields?: string[];
  crumb: string;
}

/** An entry of the model's `explores:` map: another explore over the same base model. */
export interface ExploreSpec {
  name: string;
  label?: string;
  description?: string;
  groupLabel?: string;
  groups?: string[];
  tags?: string[];
  /** `undefined` inherits the model's joins. */
  joins?: JoinSpec[];
  additionalDimensions: DimensionSpec[];
  sqlWhere?: string;
  requiredFilters?: MetricFilterRule[];
  requiredAttributes?: AttributeValues;
  anyAttributes?: AttributeValues;
  caseSensitive?: boolean;
  crumb: string;
}

/** Explore-level properties of the model's own explore. */
export interface ExploreDefaults {
  tags: string[];
  groupLabel?: string;
  groups?: string[];
  caseSensitive?: boolean;
  parameters?: Record<string, unknown>;
  spotlight?: unknown;
  aiHint?: unknown;
}

export interface TableSpec {
  name: string;
  file: string;
  sqlPath?: string;
  targetDatabase: TargetDatabase;
  draft: TableDraft;
  /** `sql_filter` / `sql_where`, uncompiled. */
  sqlWhere?: string;
  dimensions: Map<string, DimensionSpec>;
  metrics: Map<string, MetricSpec>;
  joins: JoinSpec[];
  explores: ExploreSpec[];
  exploreDefaults: ExploreDefaults;
  caseSensitive?: boolean;
}
