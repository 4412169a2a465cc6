import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ResultRow as WarehouseRow } from '@tessera/warehouses';
import { csvField, csvLine, type CsvColumn } from './csv-format.js';

/**
 * Writes a header and the rows of `batches` to `file` as CSV, at most `limit` rows. Memory holds
 * one batch and its text at a time: each batch is written as one chunk and the next is read only
 * after the file has taken it (backpressure). Stopping early returns the iterator, which closes
 * the warehouse cursor. `truncated` says a row beyond the limit existed.
 */
export const writeCsv = async (
  file: string,
  columns: readonly CsvColumn[],
  batches: AsyncIterable<WarehouseRow[]>,
  /** `cells[i]` turns the value of `columns[i]` into its text (raw or formatted). */
  options: { limit: number; cells: readonly ((value: unknown) => string)[] },
): Promise<{ rowCount: number; truncated: boolean }> => {
  const out = createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  // Handled here so an error between awaits is not an unhandled rejection; awaited below.
  failed.catch(() => undefined);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  const ids = columns.map((c) => c.id);
  let rowCount = 0;
  let truncated = false;
  try {
    await write(csvLine(columns.map((c) => c.header)));
    for await (const batch of batches) {
      const room = options.limit - rowCount;
      if (batch.length > room) truncated = true;
      const rows = batch.length > room ? batch.slice(0, room) : batch;
      if (rows.length > 0) {
        await write(lines(rows, ids, options.cells));
        rowCount += rows.length;
      }
      if (truncated) break;
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { rowCount, truncated };
};

/** One batch as CSV text, built in one string (no per-row arrays: this is the export's hot loop). */
const lines = (rows: readonly WarehouseRow[], ids: readonly string[], cells: readonly ((value: unknown) => string)[]): string => {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) text += ',';
      text += csvField(cells[i]!(row[ids[i]!]));
    }
    text += '\r\n';
  }
  return text;
};
