import type { MetricQuery } from '@tessera/core';

/** API v1 shapes of saved charts, their versions, spaces (as the save modal needs them) and CSV exports. */

/** A cartesian series as the spec stores it. An area is a `line` with `areaStyle` (as Lightdash saves it). */
export type CartesianSeries = {
  type: 'bar' | 'line' | 'scatter' | 'area';
  encode: { xRef: { field: string }; yRef: { field: string; pivotValues?: { field: string; value: unknown }[] } };
  name?: string;
  stack?: string;
  areaStyle?: Record<string, unknown>;
  yAxisIndex?: number;
  hidden?: boolean;
};

/** CartesianChart: `layout` says which fields, `eChartsConfig` how they are drawn. */
export type CartesianChart = {
  layout: { xField?: string; yField?: string[]; flipAxes?: boolean };
  eChartsConfig: { series?: CartesianSeries[]; xAxis?: { name?: string }[]; yAxis?: { name?: string }[] };
};
export type PieChart = { groupFieldIds?: string[]; metricId?: string; isDonut?: boolean; valueLabel?: 'hidden' | 'inside' | 'outside' };
export type TableChart = { showTableNames?: boolean; showRowCalculation?: boolean; showColumnCalculation?: boolean };
export type BigNumber = { label?: string; selectedField?: string };
export type FunnelChart = { dataInput?: 'row' | 'column'; fieldId?: string };

/** The spec's `ChartConfig` for the chart types this app builds. */
export type ChartConfig =
  | { type: 'cartesian'; config?: CartesianChart }
  | { type: 'pie'; config?: PieChart }
  | { type: 'table'; config?: TableChart }
  | { type: 'big_number'; config?: BigNumber }
  | { type: 'funnel'; config?: FunnelChart };

export type TableConfig = { columnOrder: string[] };
export type PivotConfig = { columns: string[] };

export type UserRef = { userUuid: string; firstName: string; lastName: string };

/** SavedChart: GetSavedChart, CreateSavedChart, CreateSavedChartVersion. */
export type SavedChart = {
  uuid: string;
  projectUuid: string;
  organizationUuid: string;
  name: string;
  description?: string;
  tableName: string;
  metricQuery: MetricQuery;
  chartConfig: ChartConfig;
  tableConfig: TableConfig;
  pivotConfig?: PivotConfig | null;
  updatedAt: string;
  updatedByUser?: UserRef;
  spaceUuid: string;
  spaceName: string;
  dashboardUuid: string | null;
  dashboardName: string | null;
  isPrivate: boolean;
  access: { userUuid: string; role: 'viewer' | 'editor' | 'admin'; hasDirectAccess: boolean }[];
  slug: string;
};

/** The content of a chart version: what CreateSavedChart and CreateSavedChartVersion take besides name and place. */
export type ChartContent = {
  tableName: string;
  metricQuery: MetricQuery;
  chartConfig: ChartConfig;
  tableConfig: TableConfig;
  pivotConfig?: PivotConfig | null;
};

export type CreateSavedChart = ChartContent & { name: string; description?: string | null; spaceUuid: string };

/** GetChartHistory's entries, newest first. */
export type ChartVersionSummary = { chartUuid: string; versionUuid: string; createdAt: string; createdBy: UserRef | null };
/** GetChartVersion: the chart as that version saved it. */
export type ChartVersion = ChartVersionSummary & { chart: SavedChart };

/** SpaceSummary (ListSpacesInProject), the fields the save modal reads. */
export type SpaceSummary = {
  uuid: string;
  projectUuid: string;
  name: string;
  isPrivate: boolean;
  parentSpaceUuid: string | null;
  userAccess?: { role: 'viewer' | 'editor' | 'admin' };
};

/** Space (CreateSpaceInProject). */
export type Space = { uuid: string; projectUuid: string; name: string; isPrivate: boolean };

/** getCsvUrl: an export's state; `url` is set once completed. */
export type CsvExportStatus = { url: string; status: 'scheduled' | 'started' | 'completed' | 'error'; truncated: boolean; error?: string };

/** DownloadCsvFromExplore's body besides the metric query. */
export type ExploreCsvOptions = {
  onlyRaw: boolean;
  showTableNames: boolean;
  columnOrder: string[];
  customLabels?: Record<string, string>;
  csvLimit?: number | null;
  chartName?: string;
};
