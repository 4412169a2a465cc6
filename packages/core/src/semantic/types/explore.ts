/**
 * The compiled explore, in the shapes of `lightdash-openapi-0.1411.0.json` (`Explore`,
 * `CompiledTable`, `CompiledDimension`, `CompiledMetric`, `ExploreError`). Properties the spec does
 * not list are extras its schemas allow (`additionalProperties`); each is marked "extra".
 */

export const DIMENSION_TYPES = ['string', 'number', 'timestamp', 'date', 'boolean'] as const;
export type DimensionType = (typeof DIMENSION_TYPES)[number];

export const METRIC_TYPES = [
  'percentile',
  'average',
  'count',
  'count_distinct',
  'sum',
  'min',
  'max',
  'number',
  'median',
  'string',
  'date',
  'timestamp',
  'boolean',
] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/**
 * Metric types newer than the 0.1411 contract. They compile to the nearest 0.1411 type so clients
 * of that contract can read them: `sum_distinct`/`average_distinct` become `sum`/`average` with
 * `distinctKeys`; the post-calculation types become `number` with `postCalculation`.
 */
export const EXTENDED_METRIC_TYPES = [
  'sum_distinct',
  'average_distinct',
  'percent_of_previous',
  'percent_of_total',
  'running_total',
] as const;
export type ExtendedMetricType = (typeof EXTENDED_METRIC_TYPES)[number];
export type PostCalculationType = Extract<ExtendedMetricType, 'percent_of_previous' | 'percent_of_total' | 'running_total'>;

export const TIME_FRAMES = [
  'RAW',
  'YEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'HOUR',
  'MINUTE',
  'SECOND',
  'MILLISECOND',
  'DAY_OF_WEEK_INDEX',
  'DAY_OF_MONTH_NUM',
  'DAY_OF_YEAR_NUM',
  'WEEK_NUM',
  'MONTH_NUM',
  'QUARTER_NUM',
  'YEAR_NUM',
  'DAY_OF_WEEK_NAME',
  'MONTH_NAME',
  'QUARTER_NAME',
  'HOUR_OF_DAY_NUM',
  'MINUTE_OF_HOUR_NUM',
] as const;
export type TimeFrame = (typeof TIME_FRAMES)[number];

export const FORMATS = ['km', 'mi', 'usd', 'gbp', 'eur', 'id', 'percent'] as const;
export type Format = (typeof FORMATS)[number];

export const COMPACTS = [
  'thousands',
  'millions',
  'billions',
  'trillions',
  'K',
  'thousand',
  'M',
  'million',
  'B',
  'billion',
  'T',
  'trillion',
] as const;
export type CompactOrAlias = (typeof COMPACTS)[number];

export const JOIN_TYPES = ['inner', 'left', 'right', 'full'] as const;
export type JoinType = (typeof JOIN_TYPES)[number];

export const JOIN_RELATIONSHIPS = ['one-to-many', 'many-to-one', 'one-to-one', 'many-to-many'] as const;
export type JoinRelationship = (typeof JOIN_RELATIONSHIPS)[number];

export const CONDITIONAL_OPERATORS = [
  'isNull',
  'notNull',
  'equals',
  'notEquals',
  'startsWith',
  'endsWith',
  'include',
  'doesNotInclude',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inThePast',
  'notInThePast',
  'inTheNext',
  'inTheCurrent',
  'notInTheCurrent',
  'inBetween',
] as const;
export type ConditionalOperator = (typeof CONDITIONAL_OPERATORS)[number];

export const UNITS_OF_TIME = [
  'milliseconds',
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'quarters',
  'years',
] as const;
export type UnitOfTime = (typeof UNITS_OF_TIME)[number];

export type FieldType = 'metric' | 'dimension';
export type OrderFieldsByStrategy = 'LABEL' | 'INDEX';
export type AttributeValues = Record<string, string | string[]>;
export type InlineErrorType = 'METADATA_PARSE_ERROR' | 'NO_DIMENSIONS_FOUND';
export type TargetDatabase =
  | 'postgres'
  | 'redshift'
  | 'duckdb'
  | 'snowflake'
  | 'bigquery'
  | 'databricks'
  | 'trino'
  | 'athena'
  | 'clickhouse'
  /** Tessera extension: MySQL and MariaDB (not a Lightdash target). */
  | 'mysql';

export interface FieldUrl {
  label: string;
  url: string;
}

export interface DefaultTimeDimension {
  field: string;
  interval: TimeFrame;
}

export interface GroupDetails {
  label: string;
  description?: string;
}

export interface MetricFilterRule {
  id: string;
  target: { fieldRef: string };
  operator: ConditionalOperator;
  values: unknown[];
  settings?: { unitOfTime: UnitOfTime; completed: boolean };
  required?: boolean;
}

export interface InlineError {
  type: InlineErrorType;
  message: string;
}

/** A non-fatal finding (extra): an ignored key, a dropped field. */
export interface CompileWarning {
  message: string;
}

/** Display and access properties shared by dimensions and metrics. */
interface FieldBase {
  name: string;
  label: string;
  table: string;
  tableLabel: string;
  sql: string;
  compiledSql: string;
  hidden: boolean;
  description?: string;
  format?: Format;
  /** extra: a spreadsheet-style expression or a legacy name outside the 0.1411 `Format` enum. */
  formatExpression?: string;
  round?: number;
  compact?: CompactOrAlias;
  /** extra (HEAD): number separator style. */
  separator?: string;
  groupLabel?: string;
  groups?: string[];
  urls?: FieldUrl[];
  index?: number;
  tags?: string[];
  requiredAttributes?: AttributeValues;
  /** extra (HEAD). */
  anyAttributes?: AttributeValues;
  tablesReferences?: string[];
  tablesRequiredAttributes?: Record<string, AttributeValues>;
  /** extra (HEAD): catalogue/AI metadata carried verbatim. */
  spotlight?: unknown;
  aiHint?: unknown;
  image?: unknown;
}

export interface CompiledDimension extends FieldBase {
  fieldType: 'dimension';
  type: DimensionType;
  timeInterval?: TimeFrame;
  timeIntervalBaseDimensionName?: string;
  isIntervalBase?: boolean;
  isAdditionalDimension?: boolean;
  colors?: Record<string, string>;
  /** deprecated in the spec: the base dimension of a time-interval child. */
  group?: string;
  /** extra (HEAD): string-filter case sensitivity for this dimension. */
  caseSensitive?: boolean;
  /** extra (HEAD): `convert_timezone: false`. */
  skipTimezoneConversion?: boolean;
  /** extra (HEAD). */
  timestampDomain?: 'aware' | 'naive';
  /** extra (HEAD). */
  richText?: string;
  /** extra (HEAD). */
  filterAutocomplete?: boolean;
}

export interface CompiledMetric extends FieldBase {
  fieldType: 'metric';
  type: MetricType;
  isAutoGenerated: boolean;
  showUnderlyingValues?: string[];
  filters?: MetricFilterRule[];
  percentile?: number;
  dimensionReference?: string;
  defaultTimeDimension?: DefaultTimeDimension;
  /** extra (HEAD `sum_distinct`/`average_distinct`): the grain to de-duplicate by, as written. */
  distinctKeys?: string[];
  /** extra (HEAD): compiled SQL of each distinct key. */
  compiledDistinctKeys?: string[];
  /** extra: an aggregate metric's value SQL inside its aggregate (filters applied), used by fan-out-safe plans. */
  compiledValueSql?: string;
  /** extra (HEAD post-calculation types): window applied over the aggregated result. */
  postCalculation?: PostCalculationType;
}

export interface LineageNodeDependency {
  type: 'model' | 'seed' | 'source';
  name: string;
}

export interface CompiledTable {
  name: string;
  originalName?: string;
  label: string;
  description?: string;
  database: string;
  schema: string;
  sqlTable: string;
  orderFieldsBy?: OrderFieldsByStrategy;
  groupLabel?: string;
  /** extra (HEAD): nested sidebar groups of the table. */
  groups?: string[];
  groupDetails?: Record<string, GroupDetails>;
  sqlWhere?: string;
  uncompiledSqlWhere?: string;
  requiredFilters?: MetricFilterRule[];
  requiredAttributes?: AttributeValues;
  /** extra (HEAD). */
  anyAttributes?: AttributeValues;
  primaryKey?: string[];
  defaultTimeDimension?: DefaultTimeDimension;
  hidden?: boolean;
  /** extra (HEAD): named field sets, as written. */
  sets?: Record<string, { fields: string[]; label?: string; description?: string }>;
  /** extra (HEAD). */
  caseSensitive?: boolean;
  lineageGraph: Record<string, LineageNodeDependency[]>;
  dimensions: Record<string, CompiledDimension>;
  metrics: Record<string, CompiledMetric>;
}

export interface CompiledExploreJoin {
  table: string;
  sqlOn: string;
  compiledSqlOn: string;
  type: JoinType;
  hidden?: boolean;
  always?: boolean;
  /** extra (HEAD). */
  relationship?: JoinRelationship;
  /** extra (HEAD): tables `sqlOn` references. */
  tablesReferences: string[];
}

export interface Explore {
  name: string;
  label: string;
  tags: string[];
  groupLabel?: string;
  baseTable: string;
  joinedTables: CompiledExploreJoin[];
  tables: Record<string, CompiledTable>;
  targetDatabase: TargetDatabase;
  ymlPath?: string;
  sqlPath?: string;
  type: 'default';
  /** extra (HEAD). */
  groups?: string[];
  /** extra (HEAD). */
  caseSensitive?: boolean;
  /** extra (HEAD): model-scoped parameters, as written. */
  parameters?: Record<string, unknown>;
  /** extra (HEAD). */
  spotlight?: unknown;
  /** extra (HEAD). */
  aiHint?: unknown;
  /** extra (HEAD): non-fatal findings. */
  warnings?: CompileWarning[];
}

export interface ExploreError {
  name: string;
  label: string;
  tags: string[];
  groupLabel?: string;
  type: 'default';
  errors: InlineError[];
  baseTable?: string;
  ymlPath?: string;
  sqlPath?: string;
}

export const isExploreError = (explore: Explore | ExploreError): explore is ExploreError => 'errors' in explore;
