import { describe, expect, it } from 'vitest';
import { compile, dimension, errorsOf, exploreError, explore, model, table, warningsOf } from './testing/models.js';

const one = (config: Record<string, unknown>, extra: Partial<Parameters<typeof model>[1]> = {}) =>
  model('t', { columns: { col: { dimension: config } }, ...extra });

/** One test per dimension key of reference §1.5. */
describe('dimension keys', () => {
  it('a column without meta is a string dimension on ${TABLE}.<column>, labelled from its name', () => {
    expect(dimension(model('t', { columns: { created_by: {} } }), 'created_by')).toEqual({
      fieldType: 'dimension',
      type: 'string',
      name: 'created_by',
      label: 'Created by',
      table: 't',
      tableLabel: 'T',
      sql: '${TABLE}.created_by',
      compiledSql: '"t".created_by',
      tablesReferences: ['t'],
      hidden: false,
      index: 0,
    });
  });

  it('type: YAML first, then the YAML data_type, then the catalog, then string', () => {
    const m = model('t', {
      columns: { a: { dimension: { type: 'number' } }, b: {}, c: {}, d: {} },
      column: { a: { dataType: 'varchar' }, b: { dataType: 'TIMESTAMP_NTZ(9)' } },
    });
    const catalog = { db: { public: { t: { c: 'boolean' as const, b: 'number' as const } } } };
    const t = explore(compile([m], 'postgres', { catalog }), 't').tables.t!;
    expect([t.dimensions.a!.type, t.dimensions.b!.type, t.dimensions.c!.type, t.dimensions.d!.type]).toEqual(['number', 'timestamp', 'boolean', 'string']);
  });

  it('type: an unknown type is an error naming the allowed ones', () => {
    expect(errorsOf(exploreError(compile([one({ type: 'text' })]), 't'))).toEqual([
      'models/t.yml: explore t → dimension col: unknown dimension type "text"; expected one of string, number, timestamp, date, boolean',
    ]);
  });

  it('label and description (the column description by default)', () => {
    expect(dimension(one({ label: 'Column', description: 'Mine' }), 'col')).toMatchObject({ label: 'Column', description: 'Mine' });
    expect(dimension(model('t', { columns: { col: {} }, column: { col: { description: 'From dbt' } } }), 'col').description).toBe('From dbt');
  });

  it('sql references ${TABLE}, other dimensions (inlined in parentheses, recursively) and keeps attributes', () => {
    const m = model('t', {
      columns: {
        first: {},
        last: {},
        full: { dimension: { sql: "${first} || ' ' || ${t.last}" } },
        shout: { dimension: { sql: 'UPPER(${full}) || ${lightdash.attributes.suffix}' } },
      },
    });
    expect(dimension(m, 'full').compiledSql).toBe(`("t".first) || ' ' || ("t".last)`);
    expect(dimension(m, 'shout').compiledSql).toBe(`UPPER((("t".first) || ' ' || ("t".last))) || \${lightdash.attributes.suffix}`);
  });

  it('a column that is not a bare identifier is quoted in the default SQL', () => {
    expect(dimension(model('t', { columns: { 'Order Date': {} } }), 'Order Date').compiledSql).toBe('"t"."Order Date"');
  });

  it('time_intervals: defaults per type, OFF, or a list of frames (as separate dimensions)', () => {
    const t = table(
      model('t', {
        columns: {
          day: { dimension: { type: 'date' } },
          at: { dimension: { type: 'timestamp' } },
          off: { dimension: { type: 'timestamp', time_intervals: 'OFF' } },
          picked: { dimension: { type: 'timestamp', time_intervals: ['hour', 'DAY_OF_WEEK_NAME', 'QUARTER_NUM'] } },
        },
      }),
    );
    const names = Object.keys(t.dimensions);
    expect(names.filter((n) => n.startsWith('day'))).toEqual(['day', 'day_day', 'day_week', 'day_month', 'day_quarter', 'day_year']);
    expect(names.filter((n) => n.startsWith('at'))).toEqual(['at', 'at_raw', 'at_day', 'at_week', 'at_month', 'at_quarter', 'at_year']);
    expect(names.filter((n) => n.startsWith('off'))).toEqual(['off']);
    expect(t.dimensions.off!.isIntervalBase).toBeUndefined();
    expect(names.filter((n) => n.startsWith('picked'))).toEqual(['picked', 'picked_hour', 'picked_day_of_week_name', 'picked_quarter_num']);
    expect(t.dimensions.at!.isIntervalBase).toBe(true);
    expect(t.dimensions.day_month).toMatchObject({
      type: 'date',
      label: 'Day month',
      sql: "DATE_TRUNC('MONTH', ${TABLE}.day)",
      compiledSql: `DATE_TRUNC('MONTH', "t".day)`,
      timeInterval: 'MONTH',
      timeIntervalBaseDimensionName: 'day',
      group: 'day',
    });
    expect(t.dimensions.at_raw).toMatchObject({ type: 'timestamp', compiledSql: '"t".at', timeInterval: 'RAW' });
    expect(t.dimensions.picked_hour).toMatchObject({ type: 'timestamp', compiledSql: `DATE_TRUNC('HOUR', "t".picked)` });
    expect(t.dimensions.picked_day_of_week_name).toMatchObject({ type: 'string', label: 'Picked day of the week (name)', compiledSql: `TO_CHAR("t".picked, 'FMDay')` });
    expect(t.dimensions.picked_quarter_num).toMatchObject({ type: 'number', compiledSql: `DATE_PART('QUARTER', "t".picked)` });
  });

  it('time_intervals: an unknown frame is a warning and skipped', () => {
    const e = explore(compile([one({ type: 'date', time_intervals: ['MONTH', 'fiscal_quarter'] })]), 't');
    expect(Object.keys(e.tables.t!.dimensions)).toEqual(['col', 'col_month']);
    expect(warningsOf(e)).toEqual([
      'models/t.yml: explore t → dimension col: time interval "fiscal_quarter" is not a time frame (custom granularities are not supported); skipped',
    ]);
  });

  it('hidden, also on the interval children', () => {
    const t = table(one({ type: 'date', hidden: true, time_intervals: ['YEAR'] }));
    expect([t.dimensions.col!.hidden, t.dimensions.col_year!.hidden]).toEqual([true, true]);
  });

  it('format: a 0.1411 format name stays in format, anything else is kept as formatExpression', () => {
    expect(dimension(one({ format: 'usd' }), 'col')).toMatchObject({ format: 'usd' });
    const d = dimension(one({ format: '[$£]#,##0.00' }), 'col');
    expect(d.format).toBeUndefined();
    expect(d.formatExpression).toBe('[$£]#,##0.00');
  });

  it('round, compact and separator', () => {
    expect(dimension(one({ round: 2, compact: 'thousands', separator: 'periodComma' }), 'col')).toMatchObject({ round: 2, compact: 'thousands', separator: 'periodComma' });
    const e = explore(compile([one({ compact: 'kibibytes' })]), 't');
    expect(e.tables.t!.dimensions.col!.compact).toBeUndefined();
    expect(warningsOf(e)[0]).toContain('"compact: kibibytes" is not supported');
  });

  it('groups and group_label, inherited by interval children', () => {
    const t = table(one({ type: 'date', groups: ['finance', 'daily'], group_label: 'Money', time_intervals: ['DAY'] }));
    expect(t.dimensions.col).toMatchObject({ groups: ['finance', 'daily'], groupLabel: 'Money' });
    expect(t.dimensions.col_day).toMatchObject({ groups: ['finance', 'daily'], groupLabel: 'Money' });
    expect(dimension(one({ groups: 'solo' }), 'col').groups).toEqual(['solo']);
  });

  it('urls and colors', () => {
    const urls = [{ label: 'Open', url: 'https://x/${ value.raw | url_encode }' }];
    expect(dimension(one({ urls, colors: { open: '#00ff00' } }), 'col')).toMatchObject({ urls, colors: { open: '#00ff00' } });
    expect(errorsOf(exploreError(compile([one({ urls: [{ url: 'x' }] })]), 't'))).toEqual([
      'models/t.yml: explore t → dimension col: "urls[0]" must be a mapping with text "label" and "url"',
    ]);
  });

  it('required_attributes and any_attributes', () => {
    expect(dimension(one({ required_attributes: { is_admin: 'true' }, any_attributes: { team: ['a', 'b'] } }), 'col')).toMatchObject({
      requiredAttributes: { is_admin: 'true' },
      anyAttributes: { team: ['a', 'b'] },
    });
  });

  it('case_sensitive, tags, ai_hint, spotlight, image, rich_text, filter_autocomplete', () => {
    const d = dimension(
      one({ case_sensitive: false, tags: ['pii'], ai_hint: ['x'], spotlight: { filter_by: false }, image: { url: '${value.raw}' }, rich_text: '**x**', filter_autocomplete: false }),
      'col',
    );
    expect(d).toMatchObject({ caseSensitive: false, tags: ['pii'], aiHint: ['x'], spotlight: { filter_by: false }, image: { url: '${value.raw}' }, richText: '**x**', filterAutocomplete: false });
  });

  it('convert_timezone: false and timestamp_domain', () => {
    expect(dimension(one({ type: 'timestamp', convert_timezone: false, timestamp_domain: 'naive', time_intervals: 'OFF' }), 'col')).toMatchObject({
      skipTimezoneConversion: true,
      timestampDomain: 'naive',
    });
  });

  it('an unknown dimension key is a warning; a value of the wrong shape is an error', () => {
    expect(warningsOf(explore(compile([one({ lable: 'x' })]), 't'))).toEqual(['models/t.yml: explore t → dimension col: unknown dimension key "lable" is ignored']);
    expect(errorsOf(exploreError(compile([one({ hidden: 'maybe' })]), 't'))).toEqual(['models/t.yml: explore t → dimension col: "hidden" must be true or false, got "maybe"']);
  });

  it('additional_dimensions add dimensions (with intervals) next to the column', () => {
    const m = model('t', {
      columns: {
        amount: {
          dimension: { type: 'number' },
          additional_dimensions: {
            amount_bucket: { type: 'string', sql: "CASE WHEN ${amount} >= 100 THEN 'large' ELSE 'small' END" },
            amount_day: { type: 'date', sql: 'DATE(${TABLE}.paid_at)', time_intervals: ['MONTH'] },
          },
        },
      },
    });
    const t = table(m);
    expect(Object.keys(t.dimensions)).toEqual(['amount', 'amount_bucket', 'amount_day', 'amount_day_month']);
    expect(t.dimensions.amount_bucket).toMatchObject({ isAdditionalDimension: true, compiledSql: `CASE WHEN ("t".amount) >= 100 THEN 'large' ELSE 'small' END` });
    expect(t.dimensions.amount_day_month).toMatchObject({ isAdditionalDimension: true, compiledSql: `DATE_TRUNC('MONTH', DATE("t".paid_at))` });
    const dup = model('t', { columns: { a: { additional_dimensions: { b: { sql: '1' } } }, b: {} } });
    expect(errorsOf(exploreError(compile([dup]), 't'))).toEqual(['models/t.yml: explore t → dimension b: duplicate dimension name "b"']);
  });
});
