/**
 * LookML dashboards (`*.dashboard.lookml`, YAML) as read by `loadLookmlDashboards`.
 * Field references stay in LookML form (`view.field`); map them with `lookmlFieldToFieldId`.
 */

/** A dashboard-level filter (`filters:` of the dashboard). */
export interface LookmlDashboardFilter {
  name: string;
  title: string;
  /** `field_filter`, `date_filter`, `number_filter`, `string_filter`… (`field_filter` when absent). */
  type: string;
  /** A Looker filter expression (`30 days`, `-NULL`, `new`), when the filter has a default. */
  default_value?: string;
  allow_multiple_values?: boolean;
  required?: boolean;
  /** For `field_filter`: the model, explore and `view.field` the filter suggests values from. */
  model?: string;
  explore?: string;
  field?: string;
  /** Names of other dashboard filters this filter listens to. */
  listens_to_filters: string[];
  /** `ui_config` as written (`type`, `display`, `options`). */
  ui_config?: Record<string, unknown>;
}

/** One element (tile) of a LookML dashboard. */
export interface LookmlDashboardElement {
  /** The element's `name` (may be empty for text tiles; see `title`). */
  name: string;
  /** `title`, else `title_text` (text elements), else the name. */
  title: string;
  /** Visualisation type: `looker_line`, `single_value`, `looker_grid`, `table`, `text`, `button`… */
  type: string;
  /** Model and explore of the element's query (absent for text elements). */
  model?: string;
  explore?: string;
  /** `view.field` references (and table-calculation names), in order. */
  fields: string[];
  /** `view.field` → Looker filter expression. */
  filters: Record<string, string>;
  /** Sort clauses as written: `view.field` or `view.field desc`. */
  sorts: string[];
  limit?: number;
  /** `view.field` references to pivot on. */
  pivots: string[];
  /** Dashboard filter name → `view.field` the element filters when that dashboard filter is set. */
  listen: Record<string, string>;
  /** Position in the `newspaper` grid (24 columns). */
  row?: number;
  col?: number;
  width?: number;
  height?: number;
  /** Text elements (`type: text`). */
  title_text?: string;
  subtitle_text?: string;
  body_text?: string;
  note_text?: string;
  /** The element as written, every visualisation option included. */
  raw: Record<string, unknown>;
}

export interface LookmlDashboard {
  /** `<model>::<name>` (the id Looker's API uses for LookML dashboards). */
  id: string;
  model: string;
  /** The `dashboard:` value. */
  name: string;
  title: string;
  description?: string;
  /** `newspaper`, `tile`, `static`… */
  layout?: string;
  elements: LookmlDashboardElement[];
  filters: LookmlDashboardFilter[];
  /** The dashboard document as parsed. */
  raw: unknown;
}
