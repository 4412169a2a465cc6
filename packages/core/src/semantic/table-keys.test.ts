import { describe, expect, it } from 'vitest';
import { compile, errorsOf, explore, exploreError, model, table, warningsOf } from './testing/models.js';

/** One test per model-level key of reference §1.3 (and the join keys of §1.4). */
describe('table keys', () => {
  it('label defaults to the friendly model name, description to "<model> table"', () => {
    const t = table(model('user_sessions'));
    expect(t.label).toBe('User sessions');
    expect(t.description).toBe('user_sessions table');
    expect(table(model('orders', { meta: { label: 'All orders' }, description: 'One row per order' }))).toMatchObject({
      label: 'All orders',
      description: 'One row per order',
    });
  });

  it('the relation is quoted per part; sql_from replaces it verbatim, a query becomes a derived table', () => {
    expect(table(model('orders'))).toMatchObject({ sqlTable: '"db"."public"."orders"', database: 'db', schema: 'public' });
    expect(table(model('orders'), [], 'bigquery').sqlTable).toBe('`db`.`public`.`orders`');
    expect(table(model('orders', { meta: { sql_from: 'RAW.SALES.ORDERS' } }))).toMatchObject({
      sqlTable: 'RAW.SALES.ORDERS',
      database: 'RAW',
      schema: 'SALES',
    });
    expect(table(model('orders', { meta: { sql_from: 'select * from x where tenant = ${lightdash.attributes.tenant}' } })).sqlTable).toBe(
      '(select * from x where tenant = ${lightdash.attributes.tenant})',
    );
  });

  it('order_fields_by is LABEL by default, INDEX when asked (any case); fields are indexed in order', () => {
    expect(table(model('a')).orderFieldsBy).toBe('LABEL');
    const t = table(model('a', { meta: { order_fields_by: 'index' }, columns: { b: {}, a: {} } }));
    expect(t.orderFieldsBy).toBe('INDEX');
    expect([t.dimensions.b!.index, t.dimensions.a!.index]).toEqual([0, 1]);
  });

  it('group_label and groups go to the table and the explore', () => {
    const e = explore(compile([model('a', { meta: { group_label: 'Sales', groups: ['finance', 'monthly'] } })]), 'a');
    expect(e.groupLabel).toBe('Sales');
    expect(e.groups).toEqual(['finance', 'monthly']);
    expect(e.tables.a).toMatchObject({ groupLabel: 'Sales', groups: ['finance', 'monthly'] });
  });

  it('group_details maps keys to label and description', () => {
    const t = table(model('a', { meta: { group_details: { finance: { label: 'Finance', description: 'Money' }, ops: { label: 'Ops' } } } }));
    expect(t.groupDetails).toEqual({ finance: { label: 'Finance', description: 'Money' }, ops: { label: 'Ops' } });
  });

  it('sql_filter (and its alias sql_where) compiles references and keeps user attributes for the query engine', () => {
    const m = model('orders', {
      meta: { sql_filter: '${region} IN (${lightdash.attributes.sales_region}) AND ${TABLE}.deleted IS NULL' },
      columns: { region: {} },
    });
    expect(table(m)).toMatchObject({
      uncompiledSqlWhere: '${region} IN (${lightdash.attributes.sales_region}) AND ${TABLE}.deleted IS NULL',
      sqlWhere: '("orders".region) IN (${lightdash.attributes.sales_region}) AND "orders".deleted IS NULL',
    });
    expect(table(model('o', { meta: { sql_where: '${TABLE}.x = 1' } })).sqlWhere).toBe('"o".x = 1');
  });

  it('default_filters and required_filters become required filter rules, with the required flag', () => {
    const t = table(
      model('t', {
        meta: { default_filters: [{ status: 'open', required: true }], required_filters: [{ amount: '> 10' }] },
        columns: { status: {}, amount: { dimension: { type: 'number' } } },
      }),
    );
    expect(t.requiredFilters).toEqual([
      expect.objectContaining({ target: { fieldRef: 'status' }, operator: 'equals', values: ['open'], required: true }),
      expect.objectContaining({ target: { fieldRef: 'amount' }, operator: 'greaterThan', values: [10] }),
    ]);
  });

  it('required_attributes and any_attributes keep values as text or lists, and reach fields as tablesRequiredAttributes', () => {
    const t = table(model('t', { meta: { required_attributes: { is_admin: true, region: ['EU', 'US'] }, any_attributes: { team: 'a' } } }));
    expect(t.requiredAttributes).toEqual({ is_admin: 'true', region: ['EU', 'US'] });
    expect(t.anyAttributes).toEqual({ team: 'a' });
    expect(t.dimensions.id!.tablesRequiredAttributes).toEqual({ t: { is_admin: 'true', region: ['EU', 'US'] } });
  });

  it('primary_key is a list; an unknown key is a warning', () => {
    expect(table(model('t', { meta: { primary_key: 'id' } })).primaryKey).toEqual(['id']);
    expect(table(model('t', { meta: { primary_key: ['id', 'day'] }, columns: { id: {}, day: {} } })).primaryKey).toEqual(['id', 'day']);
    expect(warningsOf(explore(compile([model('t', { meta: { primary_key: 'nope' } })]), 't'))).toEqual([
      'models/t.yml: explore t → primary_key: "nope" is not a dimension of "t"',
    ]);
  });

  it('default_time_dimension keeps field and interval', () => {
    const t = table(model('t', { meta: { default_time_dimension: { field: 'day', interval: 'month' } }, columns: { day: { dimension: { type: 'date' } } } }));
    expect(t.defaultTimeDimension).toEqual({ field: 'day', interval: 'MONTH' });
  });

  it('default_show_underlying_values applies to metrics without their own', () => {
    const t = table(
      model('t', {
        meta: { default_show_underlying_values: ['id'] },
        columns: { id: { metrics: { n: { type: 'count' }, m: { type: 'count', show_underlying_values: ['status'] } } }, status: {} },
      }),
    );
    expect(t.metrics.n!.showUnderlyingValues).toEqual(['id']);
    expect(t.metrics.m!.showUnderlyingValues).toEqual(['status']);
  });

  it('explores adds explores over the same model, inheriting joins unless given', () => {
    const orders = model('orders', {
      meta: {
        joins: [{ join: 'customers', sql_on: '${orders.customer_id} = ${customers.id}' }],
        explores: {
          orders_plain: { label: 'Plain', joins: [], description: 'No joins' },
          orders_more: {
            additional_dimensions: { full: { type: 'string', sql: "CONCAT(${customers.name}, '!')" } },
            sql_filter: '${TABLE}.x = 1',
            required_attributes: { a: '1' },
            default_filters: [{ customer_id: '5' }],
          },
        },
      },
      columns: { id: {}, customer_id: { dimension: { type: 'number' } } },
    });
    const all = compile([orders, model('customers', { columns: { id: {}, name: {} } })]);
    expect(all.map((e) => e.name)).toEqual(['orders', 'orders_plain', 'orders_more', 'customers']);
    const plain = explore(all, 'orders_plain');
    expect(plain).toMatchObject({ label: 'Plain', baseTable: 'orders', joinedTables: [] });
    expect(plain.tables.orders!.description).toBe('No joins');
    const more = explore(all, 'orders_more');
    expect(more.label).toBe('Orders more');
    expect(more.joinedTables.map((j) => j.table)).toEqual(['customers']);
    expect(more.tables.orders).toMatchObject({ sqlWhere: '"orders".x = 1', requiredAttributes: { a: '1' } });
    expect(more.tables.orders!.dimensions.full).toMatchObject({
      compiledSql: `CONCAT(("customers".name), '!')`,
      isAdditionalDimension: true,
      tablesReferences: ['orders', 'customers'],
    });
    expect(explore(all, 'orders').tables.orders!.dimensions.full).toBeUndefined();
  });

  it('hidden skips the model explore but keeps it joinable and its extra explores', () => {
    const hidden = model('secret', { meta: { hidden: true, explores: { secret_view: {} } } });
    const all = compile([hidden, model('a', { meta: { joins: [{ join: 'secret', sql_on: '${a.id} = ${secret.id}' }] } })]);
    expect(all.map((e) => e.name)).toEqual(['secret_view', 'a']);
    expect(explore(all, 'a').tables.secret!.hidden).toBe(true);
  });

  it('sets expand in show_underlying_values (with exclusions) and are kept on the table', () => {
    const t = table(
      model('p', {
        meta: { sets: { base: { fields: ['id', 'status', 'orders.day'] }, wide: { fields: ['amount', 'base*', '-status'] } } },
        columns: { id: { metrics: { n: { type: 'count', show_underlying_values: ['wide*'] } } }, status: {}, amount: {} },
      }),
    );
    expect(t.metrics.n!.showUnderlyingValues).toEqual(['amount', 'id', 'orders.day']);
    expect(t.sets).toEqual({ base: { fields: ['id', 'status', 'orders.day'] }, wide: { fields: ['amount', 'base*', '-status'] } });
  });

  it('sets: unknown sets, field names and set names that are field names are errors', () => {
    const e = exploreError(
      compile([model('p', { meta: { sets: { id: { fields: ['nope', 'other*'] } } } })]),
      'p',
    );
    expect(errorsOf(e)).toEqual([
      'models/p.yml: explore p → set id: set name "id" is also a field name',
      'models/p.yml: explore p → set id: "other*" names no set (sets: id)',
      'models/p.yml: explore p → set id: "nope" is not a field of "p"',
    ]);
  });

  it('case_sensitive goes to the table and the explore, and drives metric filters', () => {
    const m = model('t', {
      meta: { case_sensitive: false },
      columns: { status: { metrics: { open: { type: 'count', filters: [{ status: 'Open' }] } } } },
    });
    const e = explore(compile([m]), 't');
    expect(e.caseSensitive).toBe(false);
    expect(e.tables.t!.caseSensitive).toBe(false);
    expect(e.tables.t!.metrics.open!.compiledSql).toBe(`COUNT(CASE WHEN (UPPER("t".status) = UPPER('Open')) THEN ("t".status) ELSE NULL END)`);
  });

  it('parameters, spotlight and ai_hint are carried to the explore; parameter names are checked', () => {
    const e = explore(compile([model('t', { meta: { parameters: { region: { options: ['EU'] } }, spotlight: { visibility: 'show' }, ai_hint: 'hi' } })]), 't');
    expect(e).toMatchObject({ parameters: { region: { options: ['EU'] } }, spotlight: { visibility: 'show' }, aiHint: 'hi' });
    expect(errorsOf(exploreError(compile([model('t', { meta: { parameters: { 'bad name': {} } } })]), 't'))).toEqual([
      'models/t.yml: explore t → parameters: invalid parameter name "bad name": use letters, digits, _ and -',
    ]);
  });

  it('tags, ymlPath, sqlPath, targetDatabase and lineage come from the model definition', () => {
    const m = { ...model('t', { tags: ['core'] }), dependsOn: [{ type: 'model' as const, name: 'stg_t' }] };
    const e = explore(compile([m], 'snowflake'), 't');
    expect(e).toMatchObject({ tags: ['core'], ymlPath: 'models/t.yml', sqlPath: 'models/t.sql', targetDatabase: 'snowflake', type: 'default' });
    expect(e.tables.t!.lineageGraph).toEqual({ t: [{ type: 'model', name: 'stg_t' }] });
  });
});

describe('join keys', () => {
  const customers = model('customers', { columns: { id: {}, name: {}, email: {}, signed_up: { dimension: { type: 'date' }, metrics: { first: { type: 'min' } } } } });
  const orders = (join: Record<string, unknown>) =>
    model('orders', { meta: { joins: [{ join: 'customers', sql_on: '${orders.customer_id} = ${customers.id}', ...join }] }, columns: { id: {}, customer_id: {} } });

  it('type defaults to left; relationship, hidden, always are kept; sql_on compiles', () => {
    const e = explore(compile([orders({ type: 'inner', relationship: 'many-to-one', always: true }), customers]), 'orders');
    expect(e.joinedTables).toEqual([
      {
        table: 'customers',
        sqlOn: '${orders.customer_id} = ${customers.id}',
        compiledSqlOn: '("orders".customer_id) = ("customers".id)',
        type: 'inner',
        hidden: false,
        always: true,
        relationship: 'many-to-one',
        tablesReferences: ['customers', 'orders'],
      },
    ]);
    expect(explore(compile([orders({}), customers]), 'orders').joinedTables[0]!.type).toBe('left');
  });

  it('alias renames the joined table, its fields and their SQL; the label defaults to the alias', () => {
    const m = model('orders', {
      meta: { joins: [{ join: 'customers', alias: 'buyer', sql_on: '${orders.customer_id} = ${buyer.id}' }] },
      columns: { customer_id: {} },
    });
    const e = explore(compile([m, customers]), 'orders');
    const buyer = e.tables.buyer!;
    expect(buyer).toMatchObject({ name: 'buyer', originalName: 'customers', label: 'Buyer' });
    expect(buyer.dimensions.name).toMatchObject({ table: 'buyer', tableLabel: 'Buyer', compiledSql: '"buyer".name' });
    expect(buyer.metrics.first).toMatchObject({ dimensionReference: 'buyer_signed_up', compiledSql: 'MIN("buyer".signed_up)' });
    expect(e.joinedTables[0]!.compiledSqlOn).toBe('("orders".customer_id) = ("buyer".id)');
  });

  it('label and description override the joined table', () => {
    const t = explore(compile([orders({ label: 'Buyer', description: 'Who ordered' }), customers]), 'orders').tables.customers!;
    expect(t).toMatchObject({ label: 'Buyer', description: 'Who ordered' });
    expect(t.dimensions.name!.tableLabel).toBe('Buyer');
  });

  it('fields keeps listed fields and interval children, keeps sql_on dimensions hidden, drops the rest', () => {
    const e = explore(compile([orders({ fields: ['name', 'signed_up'] }), customers]), 'orders');
    const t = e.tables.customers!;
    expect(Object.keys(t.dimensions).sort()).toEqual(
      ['id', 'name', 'signed_up', 'signed_up_day', 'signed_up_month', 'signed_up_quarter', 'signed_up_week', 'signed_up_year'].sort(),
    );
    expect(t.dimensions.id!.hidden).toBe(true);
    expect(t.dimensions.name!.hidden).toBe(false);
    expect(t.metrics).toEqual({});
  });

  it('fields: unknown names are warnings', () => {
    const e = explore(compile([orders({ fields: ['name', 'nope'] }), customers]), 'orders');
    expect(warningsOf(e)).toEqual(['models/orders.yml: explore orders → join customers → fields: "nope" is not a field of "customers"; ignored']);
  });

  it('hidden hides every field of the joined table', () => {
    const t = explore(compile([orders({ hidden: true }), customers]), 'orders').tables.customers!;
    expect(t.hidden).toBe(true);
    expect(Object.values(t.dimensions).every((d) => d.hidden)).toBe(true);
    expect(explore(compile([orders({ hidden: true }), customers]), 'orders').joinedTables[0]!.hidden).toBe(true);
  });

  it('an unknown join key is a warning (a typo is not silent)', () => {
    expect(warningsOf(explore(compile([orders({ relatiosnship: 'many-to-one' }), customers]), 'orders'))).toEqual([
      'models/orders.yml: explore orders → join customers: unknown join key "relatiosnship" is ignored',
    ]);
  });

  it('the same model joined twice needs an alias', () => {
    const m = model('orders', {
      meta: {
        joins: [
          { join: 'customers', sql_on: '${orders.id} = ${customers.id}' },
          { join: 'customers', sql_on: '${orders.id} = ${customers.id}' },
        ],
      },
    });
    expect(errorsOf(exploreError(compile([m, customers]), 'orders'))).toEqual([
      'models/orders.yml: explore orders → join customers: "customers" is already a table of this explore; use an "alias" to join "customers" again',
    ]);
  });
});
