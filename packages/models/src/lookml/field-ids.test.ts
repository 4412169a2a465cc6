import path from 'node:path';
import { compileExplores, defaultQuote } from '@tessera/core';
import type { Explore } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldIdToLookmlField, findLookmlField, lookmlFieldToFieldId } from './field-ids.js';
import { LookmlSource } from './lookml-source.js';

const SHOPIFY = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/lookml/block-shopify');
let order: Explore;
beforeAll(async () => {
  const { models } = await new LookmlSource(SHOPIFY).load();
  order = compileExplores(models, { targetDatabase: 'postgres', quote: defaultQuote('postgres') }).explores[0] as Explore;
});

describe('LookML field references ↔ Tessera field ids', () => {
  it.each([
    ['order.count', 'order_count'],
    ['order.total_revenue', 'order_total_revenue'],
    ['customer.new_vs_repeat', 'customer_new_vs_repeat'],
    ['order.created_date', 'order_created_day'],
    ['order.created_month', 'order_created_month'],
    ['order.created_month_num', 'order_created_month_num'],
    ['order.created_time', 'order_created_raw'],
    ['order.created_raw', 'order_created_raw'],
    ['customer_address.country', 'customer_address_country'],
  ])('%s → %s', (ref, id) => {
    expect(lookmlFieldToFieldId(order, ref)).toBe(id);
    expect(findLookmlField(order, ref)).toMatchObject({ fieldId: id });
  });

  it('knows dimensions from metrics', () => {
    expect(findLookmlField(order, 'order.count')).toEqual({ fieldId: 'order_count', table: 'order', name: 'count', fieldType: 'metric' });
    expect(findLookmlField(order, 'order.created_date')).toEqual({ fieldId: 'order_created_day', table: 'order', name: 'created_day', fieldType: 'dimension' });
  });

  it('maps unknown references by the naming rule and finds nothing for them', () => {
    expect(findLookmlField(order, 'order.nope_date')).toBeUndefined();
    expect(findLookmlField(order, 'top_15.units')).toBeUndefined();
    expect(findLookmlField(order, 'last_month')).toBeUndefined();
    expect(lookmlFieldToFieldId(order, 'top_15.units')).toBe('top_15_units');
  });

  it.each([
    ['order_count', 'order.count'],
    ['order_created_day', 'order.created_date'],
    ['order_created_raw', 'order.created_time'],
    ['order_created_month_num', 'order.created_month_num'],
    ['customer_address_country', 'customer_address.country'],
    ['order_line_total_lifetime_revenue', 'order_line.total_lifetime_revenue'],
  ])('reverse: %s → %s', (id, ref) => {
    expect(fieldIdToLookmlField(order, id)).toBe(ref);
  });

  it('reverse: an unknown id has no LookML reference', () => {
    expect(fieldIdToLookmlField(order, 'order_nope')).toBeUndefined();
  });
});
