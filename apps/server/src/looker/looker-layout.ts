/**
 * Looker's newspaper layout (24 columns) ↔ Tessera's tile grid (36 columns): columns and widths
 * scale by 3/2, rows and heights are kept. Elements without a place are stacked two per row.
 */
export const LOOKER_COLUMNS = 24;
const TESSERA_COLUMNS = 36;
const SCALE = TESSERA_COLUMNS / LOOKER_COLUMNS;
const DEFAULT = { width: 12, height: 6 };

export type LookerPlace = { row: number; column: number; width: number; height: number };
export type GridPlace = { x: number; y: number; w: number; h: number };

export const toGrid = (place: LookerPlace): GridPlace => {
  const x = Math.min(TESSERA_COLUMNS - 1, Math.max(0, Math.round(place.column * SCALE)));
  const w = Math.min(TESSERA_COLUMNS - x, Math.max(1, Math.round(place.width * SCALE)));
  return { x, y: Math.max(0, Math.round(place.row)), w, h: Math.max(1, Math.round(place.height)) };
};

export const toLookerPlace = (grid: GridPlace): LookerPlace => ({
  row: grid.y,
  column: Math.round(grid.x / SCALE),
  width: Math.max(1, Math.round(grid.w / SCALE)),
  height: grid.h,
});

/** The place of the n-th element that came without one, below `top`. */
export const stackedPlace = (n: number, top: number): LookerPlace => ({
  row: top + Math.floor(n / 2) * DEFAULT.height,
  column: (n % 2) * DEFAULT.width,
  width: DEFAULT.width,
  height: DEFAULT.height,
});
