import { TIME_FRAMES, type CompiledDimension, type CompiledMetric, type CompiledTable, type DimensionType, type Explore, type MetricType, type TimeFrame } from '@tessera/core';

/** A selectable field of an explore, with what the tree, the search and the filters need. */
export type FieldItem = {
  /** `<table>_<name>`, the id metric queries use. */
  id: string;
  kind: 'dimension' | 'metric';
  name: string;
  label: string;
  table: string;
  tableLabel: string;
  /** The field's own type (a metric's aggregation). */
  type: DimensionType | MetricType;
  /** The type its filter rules take (core: metric filters compare numbers except typed metrics). */
  filterType: DimensionType;
  description: string | undefined;
  /** Time interval children: the id of their base dimension and their interval. */
  baseDimensionId: string | undefined;
  timeInterval: string | undefined;
  /** Lower-case label, name and description: what search matches against. */
  searchText: string;
};

export type GroupNode = { key: string; label: string; groups: GroupNode[]; fields: FieldNode[] };
/** A field and, for a dimension with time intervals, its interval children. */
export type FieldNode = { field: FieldItem; intervals: FieldItem[] };
export type TableNode = { name: string; label: string; dimensions: GroupNode; metrics: GroupNode };

export type FieldIndex = { tables: TableNode[]; fields: Map<string, FieldItem> };

export const fieldId = (table: string, name: string): string => `${table}_${name}`;

/** As core's query planner types metric filters: typed metrics keep their type, aggregates are numbers. */
const metricFilterType = (type: MetricType): DimensionType => {
  switch (type) {
    case 'string':
    case 'date':
    case 'timestamp':
    case 'boolean':
      return type;
    default:
      return 'number';
  }
};

const toItem = (f: CompiledDimension | CompiledMetric): FieldItem => ({
  id: fieldId(f.table, f.name),
  kind: f.fieldType,
  name: f.name,
  label: f.label,
  table: f.table,
  tableLabel: f.tableLabel,
  type: f.type,
  filterType: f.fieldType === 'dimension' ? f.type : metricFilterType(f.type),
  description: f.description,
  baseDimensionId:
    f.fieldType === 'dimension' && f.timeIntervalBaseDimensionName ? fieldId(f.table, f.timeIntervalBaseDimensionName) : undefined,
  timeInterval: f.fieldType === 'dimension' ? f.timeInterval : undefined,
  searchText: `${f.label}\n${f.name}\n${f.description ?? ''}`.toLowerCase(),
});

/** Group path of a field, as labels: `groups` (nested keys, labelled by the table) or `groupLabel`. */
const groupPath = (f: CompiledDimension | CompiledMetric, table: CompiledTable): { key: string; label: string }[] => {
  if (f.groups && f.groups.length > 0) {
    return f.groups.map((key) => ({ key, label: table.groupDetails?.[key]?.label ?? key }));
  }
  return f.groupLabel ? [{ key: `label:${f.groupLabel}`, label: f.groupLabel }] : [];
};

const emptyGroup = (key: string, label: string): GroupNode => ({ key, label, groups: [], fields: [] });

const groupAt = (root: GroupNode, path: { key: string; label: string }[]): GroupNode => {
  let node = root;
  for (const step of path) {
    const key = `${node.key}/${step.key}`;
    let child = node.groups.find((g) => g.key === key);
    if (!child) {
      child = emptyGroup(key, step.label);
      node.groups.push(child);
    }
    node = child;
  }
  return node;
};

const byOrder = (strategy: CompiledTable['orderFieldsBy']) => (a: CompiledDimension | CompiledMetric, b: CompiledDimension | CompiledMetric) =>
  strategy === 'INDEX' ? (a.index ?? 0) - (b.index ?? 0) : a.label.localeCompare(b.label);

/** Intervals in the order core's TIME_FRAMES lists them (raw, year, quarter, month, week, day…). */
const byTimeFrame = (a: FieldItem, b: FieldItem): number =>
  TIME_FRAMES.indexOf(a.timeInterval as TimeFrame) - TIME_FRAMES.indexOf(b.timeInterval as TimeFrame);

const sortGroups = (node: GroupNode): void => {
  node.groups.sort((a, b) => a.label.localeCompare(b.label));
  node.groups.forEach(sortGroups);
};

/**
 * The field tree of an explore: its base table first, then joined tables in join order; in each,
 * dimensions and metrics, grouped by their group labels; time intervals under their base dimension.
 * Hidden fields are left out.
 */
export const buildFieldIndex = (explore: Explore): FieldIndex => {
  const fields = new Map<string, FieldItem>();
  const tableNames = [explore.baseTable, ...explore.joinedTables.map((j) => j.table)].filter((t, i, all) => all.indexOf(t) === i);
  const tables: TableNode[] = [];
  for (const name of tableNames) {
    const table = explore.tables[name];
    if (!table || table.hidden) continue;
    const node: TableNode = { name, label: table.label, dimensions: emptyGroup(`${name}:d`, 'Dimensions'), metrics: emptyGroup(`${name}:m`, 'Metrics') };
    const dimensions = Object.values(table.dimensions).filter((d) => !d.hidden).sort(byOrder(table.orderFieldsBy));
    const parents = new Map<string, FieldNode>();
    const intervals: FieldItem[] = [];
    for (const d of dimensions) {
      const item = toItem(d);
      fields.set(item.id, item);
      if (item.baseDimensionId) {
        intervals.push(item);
        continue;
      }
      const fieldNode: FieldNode = { field: item, intervals: [] };
      parents.set(item.id, fieldNode);
      groupAt(node.dimensions, groupPath(d, table)).fields.push(fieldNode);
    }
    for (const item of intervals.sort(byTimeFrame)) {
      const parent = parents.get(item.baseDimensionId ?? '');
      if (parent) parent.intervals.push(item);
      // An interval whose base is hidden stands on its own.
      else groupAt(node.dimensions, []).fields.push({ field: item, intervals: [] });
    }
    for (const m of Object.values(table.metrics).filter((x) => !x.hidden).sort(byOrder(table.orderFieldsBy))) {
      const item = toItem(m);
      fields.set(item.id, item);
      groupAt(node.metrics, groupPath(m, table)).fields.push({ field: item, intervals: [] });
    }
    sortGroups(node.dimensions);
    sortGroups(node.metrics);
    tables.push(node);
  }
  return { tables, fields };
};
