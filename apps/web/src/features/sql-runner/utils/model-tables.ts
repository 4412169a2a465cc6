import type { Explore } from '@tessera/core';

export type ModelTable = { name: string; label: string; sqlTable: string; columns: string[] };

const COLUMN = /^\$\{TABLE\}\.("?)([\w$]+)\1$/;

/**
 * The warehouse tables behind an explore and the plain columns its dimensions read
 * (`${TABLE}.column`), for the SQL runner's side list. Computed dimensions and time intervals are
 * left out: they are not columns of the table.
 */
export const modelTables = (explore: Explore): ModelTable[] =>
  Object.values(explore.tables).map((table) => {
    const columns = new Set<string>();
    for (const d of Object.values(table.dimensions)) {
      if (d.timeIntervalBaseDimensionName) continue;
      const match = COLUMN.exec(d.sql.trim());
      if (match?.[2]) columns.add(match[2]);
    }
    return { name: table.name, label: table.label, sqlTable: table.sqlTable, columns: [...columns] };
  });

export const selectStarSql = (table: ModelTable): string => `SELECT *\nFROM ${table.sqlTable}\nLIMIT 100`;
