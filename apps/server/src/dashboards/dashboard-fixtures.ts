import { randomUUID } from 'node:crypto';

/**
 * Bodies for tests and benchmarks (no test framework here): a dashboard whose saved-chart tiles
 * fill the 36-column grid two per row (w 18, h 9), each with a new uuid, plus one markdown header.
 */
export const chartGridTiles = (chartUuids: readonly string[]) => [
  { uuid: randomUUID(), type: 'markdown', x: 0, y: 0, w: 36, h: 3, properties: { title: 'Overview', content: '## Overview' } },
  ...chartUuids.map((savedChartUuid, i) => ({
    uuid: randomUUID(),
    type: 'saved_chart',
    x: (i % 2) * 18,
    y: 3 + Math.floor(i / 2) * 9,
    w: 18,
    h: 9,
    properties: { savedChartUuid, title: `Chart ${i + 1}` },
  })),
];

/** A `CreateDashboard` body with `chartGridTiles` and one dimension filter on `fieldId`. */
export const chartGridDashboard = (spaceUuid: string, chartUuids: readonly string[], filter?: { fieldId: string; tableName: string; values: unknown[] }) => ({
  name: `Dashboard with ${chartUuids.length} charts`,
  spaceUuid,
  tiles: chartGridTiles(chartUuids),
  tabs: [],
  filters: {
    dimensions: filter ? [{ id: randomUUID(), target: { fieldId: filter.fieldId, tableName: filter.tableName }, operator: 'equals', values: filter.values }] : [],
    metrics: [],
    tableCalculations: [],
  },
});
