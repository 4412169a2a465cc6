import { describe, expect, it } from 'vitest';
import { isExploreError } from './types/explore.js';
import { compile, errorsOf, explore, exploreError, model, warningsOf } from './testing/models.js';

const good = model('good', { columns: { id: {}, amount: { dimension: { type: 'number' }, metrics: { total: { type: 'sum' } } } } });

/** Broken models become explore errors with every problem, breadcrumbs included; the rest compile. */
describe('compile errors', () => {
  it('an unknown join names the model and suggests a near one; other explores compile', () => {
    const broken = model('orders', { meta: { joins: [{ join: 'custmers', sql_on: '${orders.id} = ${custmers.id}' }] } });
    const all = compile([broken, good, model('customers')]);
    expect(errorsOf(exploreError(all, 'orders'))).toEqual([
      'models/orders.yml: explore orders → join custmers: joins "custmers", which is not a model of this project (did you mean "customers"?)',
    ]);
    expect(explore(all, 'good').tables.good!.metrics.total!.compiledSql).toBe('SUM("good".amount)');
    explore(all, 'customers');
  });

  it('an unknown reference is named precisely, with the field it is in', () => {
    const broken = model('orders', { meta: { metrics: { revenue: { type: 'number', sql: '${totl} * 2' } } }, columns: { amount: { metrics: { total: { type: 'sum' } } } } });
    const all = compile([broken, good]);
    expect(errorsOf(exploreError(all, 'orders'))).toEqual([
      'models/orders.yml: explore orders → metric revenue: ${totl} matches no metric in "orders" (did you mean "total"?)',
    ]);
    expect(isExploreError(all[1]!)).toBe(false);
  });

  it('a reference to a field of another table that does not exist is an error of the explore', () => {
    const orders = model('orders', {
      meta: { joins: [{ join: 'customers', sql_on: '${orders.id} = ${customers.id}' }] },
      columns: { id: {}, who: { dimension: { sql: '${customers.nmae}' } } },
    });
    const all = compile([orders, model('customers', { columns: { id: {}, name: {} } })]);
    expect(errorsOf(exploreError(all, 'orders'))).toEqual([
      'models/orders.yml: explore orders → dimension who: ${customers.nmae} matches no dimension in "customers" (did you mean "name"?)',
    ]);
  });

  it('a reference to a table the explore does not join is an error on the base table', () => {
    const orders = model('orders', { columns: { id: {}, who: { dimension: { sql: '${customers.name}' } } } });
    expect(errorsOf(exploreError(compile([orders, model('customers', { columns: { name: {} } })]), 'orders'))).toEqual([
      'models/orders.yml: explore orders → dimension who: ${customers.name} references table "customers", which is not joined in this explore',
    ]);
  });

  it('…and on a joined table, the field is left out of that explore with a warning (joins are not transitive)', () => {
    const customers = model('customers', {
      meta: { joins: [{ join: 'orders', sql_on: '${customers.id} = ${orders.customer_id}' }] },
      columns: { id: { metrics: { revenue: { type: 'sum', sql: '${orders.amount}' } } }, name: {} },
    });
    const orders = model('orders', { columns: { customer_id: {}, amount: {} } });
    const payments = model('payments', { meta: { joins: [{ join: 'customers', sql_on: '${payments.customer_id} = ${customers.id}' }] }, columns: { customer_id: {} } });
    const all = compile([customers, orders, payments]);
    expect(explore(all, 'customers').tables.customers!.metrics.revenue!.compiledSql).toBe('SUM(("orders".amount))');
    const e = explore(all, 'payments');
    expect(e.tables.customers!.metrics.revenue).toBeUndefined();
    expect(warningsOf(e)).toEqual([
      'models/payments.yml: explore payments → join customers → metric revenue: left out of this explore: ${orders.amount} references table "orders", which is not joined in this explore',
    ]);
  });

  it('reference cycles are detected, within a table and across tables', () => {
    const loop = model('loop', {
      meta: { metrics: { a: { type: 'number', sql: '${b} + 1' }, b: { type: 'number', sql: '${c} + 1' }, c: { type: 'number', sql: '${a}' } } },
      columns: { x: { dimension: { sql: '${x} + 1' } } },
    });
    expect(errorsOf(exploreError(compile([loop, good]), 'loop'))).toEqual([
      'models/loop.yml: explore loop → dimension x: dimension x references itself',
      'models/loop.yml: explore loop → metric a: reference cycle: metric a → metric b → metric c → metric a',
    ]);
    const a = model('a', { meta: { joins: [{ join: 'b', sql_on: '${a.id} = ${b.id}' }] }, columns: { id: {}, x: { dimension: { sql: '${b.y}' } } } });
    const b = model('b', { meta: { joins: [{ join: 'a', sql_on: '${a.id} = ${b.id}' }] }, columns: { id: {}, y: { dimension: { sql: '${a.x}' } } } });
    expect(errorsOf(exploreError(compile([a, b]), 'a'))).toEqual(['models/a.yml: explore a → dimension x: reference cycle: a.x → b.y → a.x']);
  });

  it('unknown types, with every other problem of the model, in one explore error', () => {
    const broken = model('bad', {
      columns: { a: { dimension: { type: 'integer' } }, b: { metrics: { n: { type: 'countd' } } }, c: { dimension: { sql: '${a.b.c}' } } },
    });
    const all = compile([broken, good]);
    expect(errorsOf(exploreError(all, 'bad'))).toEqual([
      'models/bad.yml: explore bad → dimension a: unknown dimension type "integer"; expected one of string, number, timestamp, date, boolean',
      expect.stringContaining('models/bad.yml: explore bad → metric n: unknown metric type "countd"'),
      'models/bad.yml: explore bad → dimension c: cannot resolve reference ${a.b.c}: expected ${field}, ${table.field} or ${TABLE}',
    ]);
    expect(exploreError(all, 'bad').errors.every((e) => e.type === 'METADATA_PARSE_ERROR')).toBe(true);
    explore(all, 'good');
  });

  it('joining a broken model breaks the joining explore only, pointing at the cause', () => {
    const broken = model('broken', { columns: { id: { dimension: { type: 'nope' } } } });
    const user = model('user', { meta: { joins: [{ join: 'broken', sql_on: '${user.id} = ${broken.id}' }] } });
    const all = compile([broken, user, good]);
    expect(errorsOf(exploreError(all, 'user'))).toEqual([
      'models/user.yml: explore user → join broken: joins "broken", which has errors (see the explore "broken")',
    ]);
    explore(all, 'good');
  });

  it('a model without columns reports NO_DIMENSIONS_FOUND', () => {
    const empty = { ...model('empty'), columns: [] };
    expect(exploreError(compile([empty]), 'empty').errors).toEqual([
      { type: 'NO_DIMENSIONS_FOUND', message: 'models/empty.yml: explore empty: model "empty" has no columns: declare them in its YAML' },
    ]);
  });

  it('a hidden dimension as a default filter target is an error; so is a filter on a missing joined field', () => {
    const m = model('t', { meta: { default_filters: [{ secret: 'x' }] }, columns: { secret: { dimension: { hidden: true } } } });
    expect(errorsOf(exploreError(compile([m]), 't'))).toEqual([
      'models/t.yml: explore t → default_filters: filter on "secret": the dimension is hidden; default filters need a visible dimension',
    ]);
    const j = model('j', { meta: { joins: [{ join: 'good', sql_on: '${j.id} = ${good.id}' }], default_filters: [{ 'good.nope': 'x' }] } });
    expect(errorsOf(exploreError(compile([j, good]), 'j'))).toEqual(['models/j.yml: explore j → default_filters: filter on "good.nope": no such dimension in "good"']);
  });

  it('duplicate model and explore names are errors on the later one', () => {
    const all = compile([good, { ...good, path: 'models/other.yml' }, model('x', { meta: { explores: { good: {} } } })]);
    expect(all.map((e) => [e.name, isExploreError(e)])).toEqual([
      ['good', false],
      ['x', false],
      ['good', true],
      ['good', true],
    ]);
  });

  it('YAML of the wrong shape is reported, not thrown', () => {
    const m = model('t', { meta: { joins: 'customers', metrics: ['x'], order_fields_by: 'size' } });
    expect(errorsOf(exploreError(compile([m]), 't'))).toEqual([
      'models/t.yml: explore t: "order_fields_by" is "size"; expected one of LABEL, INDEX',
      'models/t.yml: explore t: "metrics" must be a mapping, got a list',
      'models/t.yml: explore t: "joins" must be a list',
    ]);
  });
});
