import type {
  CompactOrAlias,
  CompiledDimension,
  CompiledMetric,
  ConditionalOperator,
  DimensionType,
  Format,
  MetricFilterRule,
  MetricType,
  TimeFrame,
  UnitOfTime,
} from '../semantic/types/explore.js';

/**
 * The metric-query shapes of the 0.1411 API (`MetricQuery`, `Filters`, `FilterRule`, …), as the
 * query compiler reads them. Requests are validated against zod schemas at the HTTP edge; these
 * types are what survives that validation.
 */
export type FieldId = string;

export interface FilterRule {
  id: string;
  target: { fieldId: FieldId };
  operator: ConditionalOperator;
  values?: unknown[];
  settings?: { unitOfTime?: UnitOfTime; completed?: boolean } | undefined;
  disabled?: boolean;
  required?: boolean;
  /** extra (HEAD): per-rule case sensitivity for string operators. */
  caseSensitive?: boolean;
}

export type FilterGroup = { id: string; and: FilterGroupItem[] } | { id: string; or: FilterGroupItem[] };
export type FilterGroupItem = FilterGroup | FilterRule;

export interface Filters {
  dimensions?: FilterGroup;
  metrics?: FilterGroup;
  tableCalculations?: FilterGroup;
}

export interface SortField {
  fieldId: FieldId;
  descending: boolean;
}

export type CustomFormatType = 'default' | 'percent' | 'currency' | 'number' | 'id' | 'date' | 'timestamp';
export type NumberSeparator = 'default' | 'commaPeriod' | 'spacePeriod' | 'periodComma' | 'noSeparatorPeriod';

export interface CustomFormat {
  type: CustomFormatType;
  round?: number;
  separator?: NumberSeparator;
  currency?: string;
  compact?: CompactOrAlias;
  prefix?: string;
  suffix?: string;
  timeInterval?: TimeFrame;
}

export type TableCalculationType = 'number' | 'string' | 'date' | 'timestamp' | 'boolean';

export interface TableCalculation {
  name: string;
  displayName: string;
  sql: string;
  format?: CustomFormat;
  type?: TableCalculationType;
  index?: number;
}

export interface AdditionalMetric {
  table: string;
  name: string;
  type: MetricType;
  sql: string;
  label?: string;
  description?: string;
  hidden?: boolean;
  round?: number;
  compact?: CompactOrAlias;
  format?: Format;
  filters?: MetricFilterRule[];
  baseDimensionName?: string;
  uuid?: string | null;
  percentile?: number;
  formatOptions?: CustomFormat;
  index?: number;
}

export interface BinRange {
  from?: number;
  to?: number;
}

export interface CustomBinDimension {
  id: string;
  name: string;
  table: string;
  type: 'bin';
  dimensionId: FieldId;
  binType: 'fixed_number' | 'fixed_width' | 'custom_range';
  binNumber?: number;
  binWidth?: number;
  customRange?: BinRange[];
}

export interface CustomSqlDimension {
  id: string;
  name: string;
  table: string;
  type: 'sql';
  sql: string;
  dimensionType: DimensionType;
}

export type CustomDimension = CustomBinDimension | CustomSqlDimension;

export type DateGranularity = 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';

export interface MetricQuery {
  exploreName: string;
  dimensions: FieldId[];
  metrics: FieldId[];
  filters: Filters;
  sorts: SortField[];
  limit: number;
  tableCalculations: TableCalculation[];
  additionalMetrics?: AdditionalMetric[];
  customDimensions?: CustomDimension[];
  timezone?: string;
  metadata?: { hasADateDimension: { label: string; name: string } };
}

/** The runQuery body: a metric query plus date zoom and the CSV row cap. */
export interface MetricQueryRequest extends MetricQuery {
  granularity?: DateGranularity;
  csvLimit?: number;
}

/** Who is asking and when: everything the pure compiler would otherwise read from the world. */
export interface QueryContext {
  /** User attribute name → the user's values (a user may hold several through groups). */
  userAttributes: Readonly<Record<string, readonly string[]>>;
  email?: string | undefined;
  /** IANA zone in which relative dates and truncations are evaluated; default UTC. */
  timezone?: string | undefined;
  /** "Now" for relative date filters. */
  now: Date;
  /** 0 = Monday … 6 = Sunday; undefined = the warehouse's default. */
  weekStart?: number | undefined;
  /** Server cap on the row limit. */
  maxLimit?: number | undefined;
  /** Custom SQL dimensions are raw SQL: only developers and admins may run them (default allowed). */
  allowCustomSql?: boolean | undefined;
}

/** A field of the result: what the API's `fields` map carries for each column. */
export type ResultField =
  | CompiledDimension
  | CompiledMetric
  | (TableCalculation & { fieldType?: undefined })
  | (CustomDimension & { fieldType?: undefined });

export interface QueryWarning {
  message: string;
  /** The field the warning is about, when there is one. */
  fieldId?: FieldId;
}

export interface CompiledMetricQuery {
  sql: string;
  /** Column id → field, for every column of the result (dimensions, metrics, custom dimensions, calculations). */
  fields: Record<FieldId, ResultField>;
  /** Column ids in select order. */
  columns: FieldId[];
  warnings: QueryWarning[];
  /**
   * The user values the SQL reads (row-level security): the attributes by name and whether the
   * e-mail. Results may be shared between users who agree on these (and the credentials).
   */
  userValues: { attributes: string[]; email: boolean };
}
