import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ResultRow as WarehouseRow } from '@tessera/warehouses';
import { csvHeader, type CsvCell, type CsvColumn } from './csv-format.js';

/**
 * Bytes the file stream may queue before the next batch waits: a few batches, so the disk writes
 * (on libuv's threads) overlap with reading and formatting the next rows instead of alternating.
 */
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * Writes a header and the rows of `batches` to `file` as CSV, at most `limit` rows. Memory holds
 * a batch and its text, plus the stream's write buffer: each batch is written as one chunk, and
 * the next is read only while the stream is under its high-water mark (backpressure). Stopping
 * early returns the iterator, which closes the warehouse cursor. `truncated` says a row beyond the
 * limit existed.
 */
export const writeCsv = async (
  file: string,
  columns: readonly CsvColumn[],
  batches: AsyncIterable<WarehouseRow[]>,
  /** `cells[i]` turns the value of `columns[i]` into its CSV field (raw or formatted, quoted as needed). */
  options: { limit: number; cells: readonly CsvCell[] },
): Promise<{ rowCount: number; truncated: boolean }> => {
  const out = createWriteStream(file, { highWaterMark: WRITE_BUFFER_BYTES });
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  // Handled here so an error between awaits is not an unhandled rejection; awaited below.
  failed.catch(() => undefined);
  const write = async (chunk: string | Buffer) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  const ids = columns.map((c) => c.id);
  let rowCount = 0;
  let truncated = false;
  try {
    await write(`${csvHeader(columns)}\r\n`);
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

/** Rows per piece of text: pieces are encoded while small, so their strings die young (a rope of a whole batch costs several times more). */
const ROWS_PER_PIECE = 512;

/**
 * One batch as CSV bytes, the export's hot loop: a piece of rows is turned into fields column by
 * column (one cell function over many values, then the next), then joined row by row and encoded.
 */
const lines = (rows: readonly WarehouseRow[], ids: readonly string[], cells: readonly CsvCell[]): Buffer => {
  if (ids.length === 0) return Buffer.from('\r\n'.repeat(rows.length));
  const pieces: Buffer[] = [];
  const fields = ids.map(() => new Array<string>(ROWS_PER_PIECE));
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    const count = Math.min(ROWS_PER_PIECE, rows.length - start);
    for (let c = 0; c < ids.length; c++) {
      const id = ids[c]!;
      const cell = cells[c]!;
      const column = fields[c]!;
      for (let r = 0; r < count; r++) column[r] = cell(rows[start + r]![id]);
    }
    let text = '';
    for (let r = 0; r < count; r++) {
      text += fields[0]![r];
      for (let c = 1; c < ids.length; c++) text += `,${fields[c]![r]}`;
      text += '\r\n';
    }
    pieces.push(Buffer.from(text));
  }
  return Buffer.concat(pieces);
};
