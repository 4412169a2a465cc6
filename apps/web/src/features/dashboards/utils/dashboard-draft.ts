import type { Dashboard, DashboardFilters, DashboardTab, DashboardTile, TileInput, UpdateDashboard } from '../../../api/dashboards-endpoints.js';

/** Columns of the dashboard grid (the API checks x + w ≤ 36). */
export const GRID_COLUMNS = 36;
export const NEW_CHART_SIZE = { w: 18, h: 9 };
export const NEW_MARKDOWN_SIZE = { w: 12, h: 6 };

/**
 * The edit mode's state: the dashboard's tiles (as the API takes them), tabs and filters, and the
 * tab on screen. Changed only by `draftReducer`; saved as one updateDashboard (a new version).
 */
export type DashboardDraft = {
  tiles: TileInput[];
  tabs: DashboardTab[];
  filters: DashboardFilters;
  activeTab: string | undefined;
};

export type GridPlace = { i: string; x: number; y: number; w: number; h: number };

export type DraftAction =
  | { type: 'addChart'; uuid: string; savedChartUuid: string; title: string }
  | { type: 'addMarkdown'; uuid: string; title: string; content: string }
  | { type: 'editMarkdown'; uuid: string; title: string; content: string }
  | { type: 'removeTile'; uuid: string }
  | { type: 'setLayout'; layout: readonly GridPlace[] }
  | { type: 'addTab'; uuids: [string, string] }
  | { type: 'renameTab'; uuid: string; name: string }
  | { type: 'removeTab'; uuid: string }
  | { type: 'selectTab'; uuid: string }
  | { type: 'setFilters'; filters: DashboardFilters };

/** A tile as the API takes it back: the chart's own details (name, kind…) are left out. */
export const tileInputOf = (tile: DashboardTile): TileInput => {
  const place = { uuid: tile.uuid, x: tile.x, y: tile.y, w: tile.w, h: tile.h, ...(tile.tabUuid ? { tabUuid: tile.tabUuid } : {}) };
  switch (tile.type) {
    case 'saved_chart': {
      const { savedChartUuid, title, hideTitle } = tile.properties;
      return { ...place, type: 'saved_chart', properties: { savedChartUuid, ...(title !== undefined ? { title } : {}), ...(hideTitle !== undefined ? { hideTitle } : {}) } };
    }
    case 'markdown':
      return { ...place, type: 'markdown', properties: { ...tile.properties } };
    case 'loom':
      return { ...place, type: 'loom', properties: { ...tile.properties } };
  }
};

const sortedTabs = (tabs: readonly DashboardTab[]) => [...tabs].sort((a, b) => a.order - b.order);

export const draftOf = (dashboard: Pick<Dashboard, 'tiles' | 'tabs' | 'filters'>): DashboardDraft => ({
  tiles: dashboard.tiles.map(tileInputOf),
  tabs: sortedTabs(dashboard.tabs),
  filters: dashboard.filters,
  activeTab: sortedTabs(dashboard.tabs)[0]?.uuid,
});

/**
 * The tiles shown on a tab: with tabs, those of the tab — and tiles with no (or an unknown) tab
 * on the first one, so nothing is lost; without tabs, all of them.
 */
export const tilesOnTab = <T extends { tabUuid?: string | undefined }>(tiles: readonly T[], tabs: readonly DashboardTab[], activeTab: string | undefined): T[] => {
  if (tabs.length === 0) return [...tiles];
  const ordered = sortedTabs(tabs);
  const known = new Set(ordered.map((t) => t.uuid));
  const first = ordered[0]?.uuid;
  const shown = activeTab !== undefined && known.has(activeTab) ? activeTab : first;
  return tiles.filter((t) => (t.tabUuid !== undefined && known.has(t.tabUuid) ? t.tabUuid : first) === shown);
};

/** The row below every tile of the tab (new tiles go there; the grid compacts them up). */
const bottom = (tiles: readonly TileInput[]) => tiles.reduce((max, t) => Math.max(max, t.y + t.h), 0);

const placeNew = (draft: DashboardDraft, size: { w: number; h: number }) => ({
  x: 0,
  y: bottom(tilesOnTab(draft.tiles, draft.tabs, draft.activeTab)),
  ...size,
  ...(draft.activeTab ? { tabUuid: draft.activeTab } : {}),
});

export const draftReducer = (draft: DashboardDraft, action: DraftAction): DashboardDraft => {
  switch (action.type) {
    case 'addChart':
      return {
        ...draft,
        tiles: [...draft.tiles, { uuid: action.uuid, ...placeNew(draft, NEW_CHART_SIZE), type: 'saved_chart', properties: { savedChartUuid: action.savedChartUuid, title: action.title } }],
      };
    case 'addMarkdown':
      return {
        ...draft,
        tiles: [...draft.tiles, { uuid: action.uuid, ...placeNew(draft, NEW_MARKDOWN_SIZE), type: 'markdown', properties: { title: action.title, content: action.content } }],
      };
    case 'editMarkdown':
      return {
        ...draft,
        tiles: draft.tiles.map((t) => (t.uuid === action.uuid && t.type === 'markdown' ? { ...t, properties: { title: action.title, content: action.content } } : t)),
      };
    case 'removeTile':
      return { ...draft, tiles: draft.tiles.filter((t) => t.uuid !== action.uuid) };
    case 'setLayout': {
      const places = new Map(action.layout.map((p) => [p.i, p]));
      let changed = false;
      const tiles = draft.tiles.map((t) => {
        const p = places.get(t.uuid);
        if (!p || (p.x === t.x && p.y === t.y && p.w === t.w && p.h === t.h)) return t;
        changed = true;
        return { ...t, x: p.x, y: p.y, w: Math.min(p.w, GRID_COLUMNS - p.x), h: p.h };
      });
      return changed ? { ...draft, tiles } : draft;
    }
    case 'addTab': {
      // The first tab added to a dashboard without tabs takes its tiles; a second one is opened.
      const [firstUuid, nextUuid] = action.uuids;
      if (draft.tabs.length === 0) {
        const tabs = [
          { uuid: firstUuid, name: 'Tab 1', order: 0 },
          { uuid: nextUuid, name: 'Tab 2', order: 1 },
        ];
        return { ...draft, tabs, tiles: draft.tiles.map((t) => ({ ...t, tabUuid: firstUuid })), activeTab: nextUuid };
      }
      const order = Math.max(...draft.tabs.map((t) => t.order)) + 1;
      return { ...draft, tabs: [...draft.tabs, { uuid: nextUuid, name: `Tab ${draft.tabs.length + 1}`, order }], activeTab: nextUuid };
    }
    case 'renameTab':
      return { ...draft, tabs: draft.tabs.map((t) => (t.uuid === action.uuid ? { ...t, name: action.name } : t)) };
    case 'removeTab': {
      // Its tiles go with it; the last tab standing disappears too (its tiles stay, without a tab).
      const removed = new Set(tilesOnTab(draft.tiles, draft.tabs, action.uuid).map((t) => t.uuid));
      const tabs = draft.tabs.filter((t) => t.uuid !== action.uuid);
      const tiles = draft.tiles.filter((t) => !removed.has(t.uuid));
      if (tabs.length <= 1) {
        return { ...draft, tabs: [], activeTab: undefined, tiles: tiles.map(({ tabUuid: _tab, ...t }) => t as TileInput) };
      }
      return { ...draft, tabs, tiles, activeTab: draft.activeTab === action.uuid ? sortedTabs(tabs)[0]?.uuid : draft.activeTab };
    }
    case 'selectTab':
      return { ...draft, activeTab: action.uuid };
    case 'setFilters':
      return { ...draft, filters: action.filters };
  }
};

/** The updateDashboard body that saves the draft (tiles, tabs and filters: one new version). */
export const saveBody = (draft: DashboardDraft): UpdateDashboard => ({
  tiles: draft.tiles.map((t) => {
    // A tile without a known tab goes on the first one (what the grid showed).
    if (draft.tabs.length === 0) {
      const { tabUuid: _tab, ...rest } = t;
      return rest as TileInput;
    }
    return draft.tabs.some((tab) => tab.uuid === t.tabUuid) ? t : { ...t, tabUuid: sortedTabs(draft.tabs)[0]?.uuid ?? '' };
  }),
  tabs: draft.tabs.map((t, i) => ({ ...t, order: i })),
  filters: draft.filters,
});
