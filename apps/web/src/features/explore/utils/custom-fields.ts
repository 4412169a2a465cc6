import type {
  AdditionalMetric,
  CompiledDimension,
  CustomBinDimension,
  CustomSqlDimension,
  DimensionType,
  MetricType,
  TableCalculation,
  TableCalculationType,
} from '@tessera/core';

/**
 * The query's own fields as the editors build them: bin and SQL dimensions, custom metrics on a
 * dimension, table calculations. Names are snake_case from the label, as Lightdash derives them.
 */
export const snakeName = (label: string): string =>
  label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

export type BinChoice = { binType: 'fixed_number'; binNumber: number } | { binType: 'fixed_width'; binWidth: number };

export const binDimension = (base: Pick<CompiledDimension, 'table' | 'name'>, label: string, bin: BinChoice): CustomBinDimension => ({
  id: snakeName(label),
  name: label.trim(),
  table: base.table,
  type: 'bin',
  dimensionId: `${base.table}_${base.name}`,
  ...bin,
});

export const sqlDimension = (table: string, label: string, sql: string, dimensionType: DimensionType): CustomSqlDimension => ({
  id: snakeName(label),
  name: label.trim(),
  table,
  type: 'sql',
  sql,
  dimensionType,
});

const METRIC_LABELS: Partial<Record<MetricType, string>> = {
  count: 'Count',
  count_distinct: 'Count distinct',
  sum: 'Sum',
  average: 'Average',
  median: 'Median',
  min: 'Min',
  max: 'Max',
};

/** The aggregations a custom metric may take on a dimension of this type. */
export const metricTypesFor = (type: DimensionType): MetricType[] => {
  if (type === 'number') return ['sum', 'average', 'median', 'min', 'max', 'count', 'count_distinct'];
  if (type === 'date' || type === 'timestamp') return ['min', 'max', 'count', 'count_distinct'];
  return ['count', 'count_distinct'];
};

export const metricTypeLabel = (type: MetricType): string => METRIC_LABELS[type] ?? type;

/** A custom metric on a dimension (its SQL, its table), named `<dimension>_<type>`. */
export const customMetric = (base: Pick<CompiledDimension, 'table' | 'name' | 'label' | 'sql'>, type: MetricType): AdditionalMetric => ({
  table: base.table,
  name: `${base.name}_${type}`,
  label: `${metricTypeLabel(type)} of ${base.label}`,
  type,
  sql: base.sql,
  baseDimensionName: base.name,
});

export const tableCalculation = (displayName: string, sql: string, type: TableCalculationType): TableCalculation => ({
  name: snakeName(displayName),
  displayName: displayName.trim(),
  sql,
  type,
});

/** How a table calculation refers to a selected field: `${table.name}` for `table_name`. */
export const fieldReference = (field: { table: string; name: string }): string => `\${${field.table}.${field.name}}`;

/** Why a new field's name cannot be used, or undefined when it can. */
export const nameProblem = (label: string, taken: readonly string[]): string | undefined => {
  const name = snakeName(label);
  if (name === '') return 'Give it a name with letters or digits.';
  if (taken.includes(name)) return `"${name}" is already a field of this query: choose another name.`;
  return undefined;
};

/** The query's own columns as the sorts editor lists them: custom dimensions, custom metrics, table calculations. */
export const customColumns = (query: {
  customDimensions: readonly { id: string; name: string }[];
  additionalMetrics: readonly { table: string; name: string; label?: string | undefined }[];
  tableCalculations: readonly { name: string; displayName: string }[];
}): { id: string; label: string }[] => [
  ...query.customDimensions.map((c) => ({ id: c.id, label: c.name })),
  ...query.additionalMetrics.map((m) => ({ id: `${m.table}_${m.name}`, label: m.label ?? m.name })),
  ...query.tableCalculations.map((c) => ({ id: c.name, label: c.displayName })),
];
