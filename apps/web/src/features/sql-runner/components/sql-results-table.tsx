import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SqlQueryResults } from '../../../api/settings-types.js';
import { cellText, columnsOf, isNumericColumn } from '../utils/sql-results.js';
import classes from './sql-results-table.module.css';

const ROW_HEIGHT = 30;

/** The rows of a SQL run as the warehouse returned them; only the rows in view are rendered. */
export const SqlResultsTable = ({ results }: { results: SqlQueryResults }) => {
  const columns = columnsOf(results);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: results.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  if (results.rows.length === 0) return <Text c="dimmed">The query returned no rows.</Text>;
  return (
    <div ref={scrollRef} className={classes.scroll}>
      <table className={classes.table} aria-label="SQL results" aria-rowcount={results.rows.length + 1}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} className={classes.th} data-numeric={isNumericColumn(results, c) || undefined} title={results.fields[c]?.type}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden style={{ height: padTop }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = results.rows[item.index] ?? {};
            return (
              <tr key={item.index} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2}>
                {columns.map((c) => (
                  <td key={c} className={classes.td} data-numeric={isNumericColumn(results, c) || undefined} data-null={row[c] === null || undefined}>
                    {cellText(row[c])}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden style={{ height: padBottom }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
};
