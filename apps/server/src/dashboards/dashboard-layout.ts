import { ParameterError } from '@tessera/core';

/** Width of the dashboard grid (react-grid-layout columns): a full-width tile is `w: 36`. */
export const GRID_COLUMNS = 36;
/** Rows and heights beyond these are refused: no real dashboard comes near them. */
export const MAX_GRID_ROW = 100_000;
export const MAX_TILE_HEIGHT = 10_000;

export type TileLayout = { uuid: string; x: number; y: number; w: number; h: number; tabUuid?: string | null | undefined };
export type TabLayout = { uuid: string };

const isWhole = (n: number): boolean => Number.isSafeInteger(n);

/** What is wrong with one tile's place on the grid, or undefined. */
const placementProblem = (t: TileLayout): string | undefined => {
  if (![t.x, t.y, t.w, t.h].every(isWhole)) return `x, y, w and h must be whole numbers (got x ${t.x}, y ${t.y}, w ${t.w}, h ${t.h})`;
  if (t.x < 0 || t.y < 0) return `x and y must be 0 or more (got x ${t.x}, y ${t.y})`;
  if (t.w < 1 || t.h < 1) return `w and h must be at least 1 (got w ${t.w}, h ${t.h})`;
  if (t.x + t.w > GRID_COLUMNS) return `x + w is ${t.x + t.w}, past the ${GRID_COLUMNS}-column grid: keep x + w ≤ ${GRID_COLUMNS}`;
  if (t.y > MAX_GRID_ROW || t.h > MAX_TILE_HEIGHT) return `y must be at most ${MAX_GRID_ROW} and h at most ${MAX_TILE_HEIGHT}`;
  return undefined;
};

/**
 * Checks a dashboard's layout: every tile inside the 36-column grid with whole-number positions and
 * sizes, tile and tab uuids unique, and each tile's `tabUuid` (when set) one of the tabs. Overlaps
 * are allowed: the grid compacts them when it lays the tiles out. Throws a ParameterError (400)
 * naming the first offending tile.
 */
export const assertValidLayout = (tiles: readonly TileLayout[], tabs: readonly TabLayout[]): void => {
  const tabUuids = new Set<string>();
  for (const tab of tabs) {
    if (tabUuids.has(tab.uuid)) throw new ParameterError(`Tab ${tab.uuid} appears twice in tabs: give each tab its own uuid`);
    tabUuids.add(tab.uuid);
  }
  const tileUuids = new Set<string>();
  tiles.forEach((tile, i) => {
    const which = `Tile ${i + 1} (${tile.uuid})`;
    if (tileUuids.has(tile.uuid)) throw new ParameterError(`${which} appears twice in tiles: give each tile its own uuid`);
    tileUuids.add(tile.uuid);
    const problem = placementProblem(tile);
    if (problem) throw new ParameterError(`${which}: ${problem}`, { tileUuid: tile.uuid });
    if (tile.tabUuid != null && !tabUuids.has(tile.tabUuid)) {
      throw new ParameterError(`${which} is on tab ${tile.tabUuid}, which is not one of the dashboard's tabs: add the tab or drop tabUuid`, { tileUuid: tile.uuid });
    }
  });
};
