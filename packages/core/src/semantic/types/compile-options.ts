import type { DimensionType, TargetDatabase } from './explore.js';
import type { SemanticSqlDialect } from '../compile/sql-dialect.js';

/**
 * Column types the warehouse reported, used when YAML declares none. Keyed like the anchor's
 * warehouse catalog: database → schema → table (identifier) → column → type.
 */
export type ColumnTypeCatalog = Record<string, Record<string, Record<string, Record<string, DimensionType>>>>;

export interface CompileOptions {
  /** Warehouse the SQL is for; chooses the built-in SQL templates unless `sql` overrides them. */
  targetDatabase: TargetDatabase;
  /** Quotes one identifier (table alias, relation part) for the target warehouse. */
  quote: (identifier: string) => string;
  catalog?: ColumnTypeCatalog;
  /** First day of the week, 0 = Monday … 6 = Sunday; the warehouse default when unset. */
  startOfWeek?: number;
  /** Replaces some of the built-in SQL templates (the warehouse dialects supply these later). */
  sql?: Partial<SemanticSqlDialect>;
}
