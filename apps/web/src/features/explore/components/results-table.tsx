import { Text } from '@mantine/core';
import type { SortField } from '@tessera/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type PointerEvent } from 'react';
import type { QueryResults } from '../../../api/types.js';
import { columnLabel, tableColumns } from '../../charts/utils/result-columns.js';
import classes from './results-table.module.css';

const ROW_HEIGHT = 30;
const DEFAULT_WIDTH = 160;
const MIN_WIDTH = 60;

type Props = {
  results: QueryResults;
  sorts: SortField[];
  /** Header click: cycle this column's sort; `add` (shift-click) keeps the other sorts. Without it, headers do not sort. */
  onSort?: ((fieldId: string, add: boolean) => void) | undefined;
};

const isNumeric = (results: QueryResults, id: string): boolean => {
  const field = results.fields[id];
  if (field?.fieldType === 'metric') return !['string', 'date', 'timestamp', 'boolean'].includes(field.type);
  // A table calculation without a type is a number; a custom dimension's type is `dimensionType`.
  const other = field as { type?: string; dimensionType?: string; displayName?: string } | undefined;
  if (other?.displayName !== undefined) return other.type === undefined || other.type === 'number';
  return (other?.dimensionType ?? other?.type) === 'number';
};

/**
 * The rows as the server formatted them, in the query's column order. Only rows in view are
 * rendered; columns resize by dragging their right edge; a header click sorts (the query is run
 * again with the new sort, since a row limit makes sorting in the browser wrong).
 */
export const ResultsTable = ({ results, sorts, onSort }: Props) => {
  const columns = tableColumns(results);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: results.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = (id: string) => widths[id] ?? DEFAULT_WIDTH;

  const startResize = (id: string, event: PointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = width(id);
    const move = (e: globalThis.PointerEvent) => setWidths((w) => ({ ...w, [id]: Math.max(MIN_WIDTH, startWidth + e.clientX - startX) }));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  if (results.rows.length === 0) return <Text c="dimmed" p="md">The query returned no rows.</Text>;

  return (
    <div ref={scrollRef} className={classes.scroll}>
      <table className={classes.table} style={{ width: columns.reduce((sum, id) => sum + width(id), 0) }} aria-rowcount={results.rows.length + 1}>
        <colgroup>
          {columns.map((id) => (
            <col key={id} style={{ width: width(id) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((id) => {
              const field = results.fields[id] as { fieldType?: string; tableLabel?: string } | undefined;
              const sortIndex = sorts.findIndex((s) => s.fieldId === id);
              const sort = sorts[sortIndex];
              return (
                <th
                  key={id}
                  className={classes.th}
                  data-kind={field?.fieldType}
                  data-numeric={isNumeric(results, id) || undefined}
                  aria-sort={sort ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  title={`${field?.tableLabel ?? ''} ${columnLabel(results, id)}${onSort ? ' — click to sort, shift-click to add a sort' : ''}`}
                  onClick={onSort ? (e) => onSort(id, e.shiftKey) : undefined}
                >
                  <span className={classes.headerLabel}>{columnLabel(results, id)}</span>
                  {sort && (
                    <span className={classes.sortMark}>
                      {sort.descending ? '↓' : '↑'}
                      {sorts.length > 1 ? sortIndex + 1 : ''}
                    </span>
                  )}
                  <span className={classes.resizer} role="separator" aria-label={`Resize ${columnLabel(results, id)}`} onPointerDown={(e) => startResize(id, e)} onClick={(e) => e.stopPropagation()} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden style={{ height: padTop }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = results.rows[item.index];
            return (
              <tr key={item.index} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2}>
                {columns.map((id) => (
                  <td key={id} className={classes.td} data-numeric={isNumeric(results, id) || undefined}>
                    {row?.[id]?.value.formatted ?? ''}
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
