import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../api/dashboards-endpoints.js';
import { draftOf, draftReducer, saveBody, tilesOnTab, type DashboardDraft } from './dashboard-draft.js';

const empty = { dimensions: [], metrics: [], tableCalculations: [] };
const dashboard: Pick<Dashboard, 'tiles' | 'tabs' | 'filters'> = {
  tiles: [
    {
      uuid: 't1',
      x: 0,
      y: 0,
      w: 18,
      h: 9,
      type: 'saved_chart',
      properties: { savedChartUuid: 'c1', title: 'Orders', chartName: 'Orders by status', chartSlug: 'orders', lastVersionChartKind: 'vertical_bar', belongsToDashboard: false },
    },
    { uuid: 't2', x: 18, y: 0, w: 18, h: 6, type: 'markdown', properties: { title: 'Notes', content: '# Hi' } },
  ],
  tabs: [],
  filters: empty,
};

describe('dashboard draft', () => {
  it('takes tiles back as the API wants them: no chart details', () => {
    const draft = draftOf(dashboard);
    expect(draft.tiles[0]).toEqual({ uuid: 't1', x: 0, y: 0, w: 18, h: 9, type: 'saved_chart', properties: { savedChartUuid: 'c1', title: 'Orders' } });
    expect(draft.activeTab).toBeUndefined();
  });

  it('adds chart and markdown tiles below the others', () => {
    let draft = draftOf(dashboard);
    draft = draftReducer(draft, { type: 'addChart', uuid: 't3', savedChartUuid: 'c2', title: 'Revenue' });
    draft = draftReducer(draft, { type: 'addMarkdown', uuid: 't4', title: 'About', content: 'text' });
    expect(draft.tiles.map((t) => [t.uuid, t.x, t.y, t.w, t.h])).toEqual([
      ['t1', 0, 0, 18, 9],
      ['t2', 18, 0, 18, 6],
      ['t3', 0, 9, 18, 9],
      ['t4', 0, 18, 12, 6],
    ]);
    draft = draftReducer(draft, { type: 'editMarkdown', uuid: 't4', title: 'About us', content: 'more' });
    expect(draft.tiles[3]?.properties).toEqual({ title: 'About us', content: 'more' });
    draft = draftReducer(draft, { type: 'removeTile', uuid: 't3' });
    expect(draft.tiles.map((t) => t.uuid)).toEqual(['t1', 't2', 't4']);
  });

  it('applies the grid layout, keeping tiles inside 36 columns, and keeps the same draft when nothing moved', () => {
    const draft = draftOf(dashboard);
    expect(draftReducer(draft, { type: 'setLayout', layout: [{ i: 't1', x: 0, y: 0, w: 18, h: 9 }] })).toBe(draft);
    const moved = draftReducer(draft, { type: 'setLayout', layout: [{ i: 't2', x: 30, y: 3, w: 10, h: 4 }] });
    expect(moved.tiles[1]).toMatchObject({ x: 30, y: 3, w: 6, h: 4 });
  });

  it('the first tab added takes the existing tiles and opens a second, empty one', () => {
    let draft: DashboardDraft = draftReducer(draftOf(dashboard), { type: 'addTab', uuids: ['A', 'B'] });
    expect(draft.tabs.map((t) => t.name)).toEqual(['Tab 1', 'Tab 2']);
    expect(draft.activeTab).toBe('B');
    expect(tilesOnTab(draft.tiles, draft.tabs, 'A').map((t) => t.uuid)).toEqual(['t1', 't2']);
    expect(tilesOnTab(draft.tiles, draft.tabs, 'B')).toEqual([]);
    draft = draftReducer(draft, { type: 'addChart', uuid: 't3', savedChartUuid: 'c2', title: 'Revenue' });
    expect(draft.tiles[2]).toMatchObject({ tabUuid: 'B', y: 0 });
    draft = draftReducer(draft, { type: 'renameTab', uuid: 'B', name: 'Revenue' });
    expect(saveBody(draft).tabs).toEqual([
      { uuid: 'A', name: 'Tab 1', order: 0 },
      { uuid: 'B', name: 'Revenue', order: 1 },
    ]);
  });

  it('removing a tab removes its tiles; with one tab left the dashboard has none', () => {
    let draft = draftReducer(draftOf(dashboard), { type: 'addTab', uuids: ['A', 'B'] });
    draft = draftReducer(draft, { type: 'addChart', uuid: 't3', savedChartUuid: 'c2', title: 'Revenue' });
    draft = draftReducer(draft, { type: 'removeTab', uuid: 'A' });
    expect(draft.tabs).toEqual([]);
    expect(draft.activeTab).toBeUndefined();
    expect(draft.tiles.map((t) => t.uuid)).toEqual(['t3']);
    expect(saveBody(draft).tiles?.[0]).not.toHaveProperty('tabUuid');
  });

  it('shows tiles without a known tab on the first tab, and saves them there', () => {
    const tabs = [
      { uuid: 'B', name: 'Second', order: 1 },
      { uuid: 'A', name: 'First', order: 0 },
    ];
    const tiles = [
      { uuid: 'x', tabUuid: 'gone' },
      { uuid: 'y', tabUuid: 'B' },
      { uuid: 'z' },
    ];
    expect(tilesOnTab(tiles, tabs, undefined).map((t) => t.uuid)).toEqual(['x', 'z']);
    expect(tilesOnTab(tiles, tabs, 'B').map((t) => t.uuid)).toEqual(['y']);
    const draft = draftOf({ ...dashboard, tabs });
    expect(draft.activeTab).toBe('A');
    expect(saveBody(draft).tiles?.map((t) => t.tabUuid)).toEqual(['A', 'A']);
  });
});
