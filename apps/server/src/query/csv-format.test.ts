import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CompiledDimension, ResultField } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileStore } from './csv-file-store.js';
import { csvColumns, csvField, csvHeader, formattedCell, rawCell, rawText } from './csv-format.js';
import { writeCsv } from './csv-writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('CSV text', () => {
  it('quotes fields holding quotes, commas, line breaks or #, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('#1')).toBe('"#1"');
    expect(csvField('a#b')).toBe('"a#b"');
    expect(csvHeader([{ id: 'a', header: 'a' }, { id: 'b', header: 'b,c' }, { id: 'c', header: '' }])).toBe('a,"b,c",');
  });

  it('writes raw values: empty for NULL, ISO instants, JSON for structures', () => {
    expect(rawText(null)).toBe('');
    expect(rawText(undefined)).toBe('');
    expect(rawText(12.5)).toBe('12.5');
    expect(rawText(12n)).toBe('12');
    expect(rawText(false)).toBe('false');
    expect(rawText(new Date('2024-03-01T10:00:00Z'))).toBe('2024-03-01T10:00:00.000Z');
    expect(rawText({ a: [1, 2n] })).toBe('{"a":[1,"2"]}');
  });

  it('writes raw cells as csvField(rawText(value)), instants included, for every kind of value', () => {
    const cell = rawCell();
    const values = [null, undefined, 0, -0, 12.5, Number.NaN, 1e21, 2n ** 70n, true, 'plain', 'a,b', 'say "hi"', 'x\r\ny', '', { a: [1, 2n] }, new Date(Number.NaN)];
    for (let ms = -62_198_755_200_000; ms < 300_000_000_000_000; ms += 9_876_543_210_987) values.push(new Date(ms));
    values.push(new Date(-8.64e15), new Date(8.64e15), new Date('2024-02-29T23:59:59.999Z'), new Date('1969-12-31T23:59:59.001Z'));
    for (const value of values) expect(cell(value)).toBe(csvField(rawText(value)));
  });

  it('quotes formatted text as needed', () => {
    expect(formattedCell((v) => `$${String(v)},00`)(5)).toBe('"$5,00"');
    expect(formattedCell(String)(5)).toBe('5');
  });

  it('orders columns by columnOrder then select order, drops hidden ones, labels them', () => {
    const dim = (name: string, label: string) => ({ fieldType: 'dimension', name, label, table: 'orders', tableLabel: 'Orders' }) as unknown as CompiledDimension;
    const fields: Record<string, ResultField> = {
      orders_a: dim('a', 'A'),
      orders_b: dim('b', 'B'),
      calc: { name: 'calc', displayName: 'My calc', sql: '1' },
    };
    const columns = ['orders_a', 'orders_b', 'calc'];
    expect(csvColumns(columns, fields, { columnOrder: ['calc', 'ghost'], hiddenFields: ['orders_b'], showTableNames: false })).toEqual([
      { id: 'calc', header: 'My calc' },
      { id: 'orders_a', header: 'A' },
    ]);
    expect(csvColumns(columns, fields, { columnOrder: [], showTableNames: true, customLabels: { orders_b: 'Bee' } }).map((c) => c.header)).toEqual(['Orders A', 'Bee', 'My calc']);
  });
});

describe('writeCsv', () => {
  async function* batches(count: number, size: number, seen: { returned: boolean }) {
    try {
      for (let b = 0; b < count; b++) yield Array.from({ length: size }, (_, i) => ({ id: b * size + i, note: i % 2 ? 'a,b' : 'x' }));
    } finally {
      seen.returned = true;
    }
  }
  const columns = [{ id: 'id', header: 'Id' }, { id: 'note', header: 'Note' }];
  const cells = [rawCell(), rawCell()];

  it('writes every batch after the header, quoting as needed', async () => {
    const file = path.join(dir, 'all.csv');
    const seen = { returned: false };
    expect(await writeCsv(file, columns, batches(3, 4, seen), { limit: 100, cells })).toEqual({ rowCount: 12, truncated: false });
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('Id,Note');
    expect(lines[2]).toBe('1,"a,b"');
    expect(lines).toHaveLength(14);
    expect(seen.returned).toBe(true);
  });

  it('stops at the limit, says the file is truncated and closes the source', async () => {
    const file = path.join(dir, 'some.csv');
    const seen = { returned: false };
    expect(await writeCsv(file, columns, batches(1000, 10, seen), { limit: 25, cells })).toEqual({ rowCount: 25, truncated: true });
    expect(seen.returned).toBe(true);
    expect((await readFile(file, 'utf8')).split('\r\n')).toHaveLength(27);
  });

  it('writes large batches whole and in order (they are encoded piece by piece)', async () => {
    const file = path.join(dir, 'large.csv');
    expect(await writeCsv(file, columns, batches(3, 1500, { returned: false }), { limit: 10_000, cells })).toEqual({ rowCount: 4500, truncated: false });
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines).toHaveLength(4502);
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: 4500 }, (_, i) => `${i},${(i % 1500) % 2 ? '"a,b"' : 'x'}`));
  });

  it('is not truncated when the rows end exactly at the limit', async () => {
    expect(await writeCsv(path.join(dir, 'exact.csv'), columns, batches(2, 5, { returned: false }), { limit: 10, cells })).toEqual({ rowCount: 10, truncated: false });
  });
});

describe('CsvFileStore', () => {
  it('publishes a finished file with its metadata and sweeps it once expired', async () => {
    let now = new Date();
    const store = new CsvFileStore(path.join(dir, 'exports'), 60_000, () => now);
    const jobUuid = '11111111-1111-4111-8111-111111111111';
    await writeFile(await store.partPath(jobUuid), 'a\r\n');
    expect(await store.meta(jobUuid)).toBeUndefined();
    const meta = await store.complete({ jobUuid, projectUuid: 'p', userUuid: 'u', fileName: 'f.csv', rowCount: 0, truncated: false });
    expect(await store.meta(jobUuid)).toEqual(meta);
    expect(store.isExpired(meta)).toBe(false);
    await store.sweep();
    expect(await readdir(store.dir)).toHaveLength(2);
    now = new Date(now.getTime() + 60_000);
    expect(store.isExpired(meta)).toBe(true);
    await store.sweep();
    expect(await readdir(store.dir)).toEqual([]);
    expect(await store.meta('../../etc/passwd')).toBeUndefined();
  });
});
