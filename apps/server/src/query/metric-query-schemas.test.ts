import { describe, expect, it } from 'vitest';
import { metricQueryRequestSchema, MAX_FILTER_DEPTH } from './metric-query-schemas.js';
import { metricQuery } from './query-test-setup.js';

const rule = (operator = 'equals', fieldId = 'orders_status') => ({ id: 'r', target: { fieldId }, operator, values: ['x'] });
const paths = (body: unknown) => metricQueryRequestSchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('metric query request schema', () => {
  it('accepts nested and/or groups and keeps them as sent', () => {
    const filters = { dimensions: { id: 'g', and: [rule(), { id: 'g2', or: [rule('notEquals'), rule('isNull')] }] } };
    const parsed = metricQueryRequestSchema.parse(metricQuery({ filters, granularity: 'Month', timezone: 'Europe/Paris', invalidateCache: true }));
    expect(parsed.filters).toEqual(filters);
    expect(parsed.invalidateCache).toBe(true);
  });

  it('names the offending key of a rule or group, however deep', () => {
    expect(paths(metricQuery({ filters: { dimensions: { id: 'g', and: [rule('nearly')] } } }))).toEqual(['filters.dimensions.and.0.operator']);
    expect(paths(metricQuery({ filters: { metrics: { id: 'g', or: [{ id: 'g2', and: [{ id: 'r', operator: 'equals' }] }] } } }))).toEqual(['filters.metrics.or.0.and.0.target']);
    expect(paths(metricQuery({ filters: { dimensions: { id: 'g', and: [], or: [] } } }))).toEqual(['filters.dimensions']);
  });

  it('refuses filter trees deeper than the limit without recursing into them', () => {
    let group: unknown = rule();
    for (let i = 0; i < 100_000; i++) group = { id: 'g', and: [group] };
    const result = metricQueryRequestSchema.safeParse(metricQuery({ filters: { dimensions: group } }));
    expect(result.error?.issues[0]?.message).toContain(`at most ${MAX_FILTER_DEPTH} levels`);
    let nested: unknown = rule();
    for (let i = 0; i < MAX_FILTER_DEPTH; i++) nested = { id: 'g', and: [nested] };
    expect(metricQueryRequestSchema.safeParse(metricQuery({ filters: { dimensions: nested } })).success).toBe(true);
    expect(metricQueryRequestSchema.safeParse(metricQuery({ filters: { dimensions: { id: 'g', or: [nested] } } })).success).toBe(false);
  });

  it('checks limits, time zones and custom dimension shapes', () => {
    expect(paths(metricQuery({ limit: 1.5 }))).toEqual(['limit']);
    expect(paths(metricQuery({ timezone: 'Nowhere/Land' }))).toEqual(['timezone']);
    expect(paths(metricQuery({ customDimensions: [{ id: 'b', name: 'b', table: 'orders', type: 'bin', dimensionId: 'orders_units', binType: 'weird' }] }))).toEqual(['customDimensions.0.binType']);
  });
});
