/**
 * The normalized input of the explore compiler. Every loader (dbt manifest, dbt project directory,
 * standalone YAML, later LookML) produces these; the compiler never sees a file format.
 *
 * `meta` is the model's Lightdash vocabulary exactly as written (snake_case keys): for dbt it is
 * `meta` deep-merged with `config.meta` (config wins), for standalone YAML the top-level keys.
 */
export type ModelRelation =
  /** A warehouse relation; the compiler quotes each part with the dialect's `quote`. */
  | { kind: 'table'; database?: string; schema?: string; identifier: string }
  /** `sql_from`: a relation or a query written by hand, used verbatim (placeholders kept). */
  | { kind: 'sql'; sql: string };

export interface ColumnDefinition {
  name: string;
  description?: string;
  /** Warehouse type declared in YAML (dbt `data_type`), e.g. `varchar`, `timestamp`. */
  dataType?: string;
  /** Column meta: `dimension`, `metrics`, `additional_dimensions` (dbt meta merged with config.meta). */
  meta: Record<string, unknown>;
}

export type LineageNodeType = 'model' | 'seed' | 'source';

export interface ModelDefinition {
  name: string;
  /** File the model is declared in (YAML), relative to the project; used in error messages. */
  path: string;
  /** File holding the model's SQL, when there is one. */
  sqlPath?: string;
  relation: ModelRelation;
  description?: string;
  tags: string[];
  meta: Record<string, unknown>;
  columns: ColumnDefinition[];
  /** Direct upstream nodes, for the table's lineage graph. */
  dependsOn?: { type: LineageNodeType; name: string }[];
}
