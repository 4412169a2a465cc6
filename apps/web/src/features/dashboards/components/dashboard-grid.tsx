import { GridLayout, useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { ReactNode } from 'react';
import { GRID_COLUMNS, type GridPlace } from '../utils/dashboard-draft.js';
import classes from './dashboard-grid.module.css';

export const ROW_HEIGHT = 40;
const MARGIN = [12, 12] as const;

type Props = {
  items: { uuid: string; x: number; y: number; w: number; h: number; node: ReactNode }[];
  /** Edit mode: tiles are dragged by their header and resized by their corner. */
  editable: boolean;
  onLayoutChange?: (layout: readonly GridPlace[]) => void;
};

/**
 * The dashboard's 36-column grid (react-grid-layout): tiles placed by x, y, w, h, compacted
 * upwards as the server allows overlaps. Read-only when viewing.
 */
export const DashboardGrid = ({ items, editable, onLayoutChange }: Props) => {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout: Layout = items.map((t) => ({ i: t.uuid, x: t.x, y: t.y, w: t.w, h: t.h, minW: 2, minH: 2 }));
  return (
    <div ref={containerRef} className={editable ? classes.editing : undefined} data-testid="dashboard-grid">
      {mounted && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: MARGIN, containerPadding: [0, 0] }}
          dragConfig={{ enabled: editable, handle: `.${classes.tileHeader}`, cancel: `.${classes.noDrag}` }}
          resizeConfig={{ enabled: editable, handles: ['se'] }}
          onLayoutChange={(next) => onLayoutChange?.(next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })))}
        >
          {items.map((t) => (
            <div key={t.uuid} data-tile-uuid={t.uuid}>
              {t.node}
            </div>
          ))}
        </GridLayout>
      )}
    </div>
  );
};
