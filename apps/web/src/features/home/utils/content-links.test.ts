import { describe, expect, it } from 'vitest';
import type { ListedContent, PinnedItem } from '../../../api/content-endpoints.js';
import { ago, listedLink, pinnedLink } from './content-links.js';

const base = { uuid: 'c1', name: 'Orders by status', spaceUuid: 's1', updatedAt: '2026-01-01T00:00:00.000Z', pinnedListUuid: null, pinnedListOrder: null, views: 3, firstViewedAt: null };
const chart = {
  ...base,
  spaceName: 'Sales',
  projectUuid: 'p',
  organizationUuid: 'o',
  dashboardUuid: null,
  dashboardName: null,
  slug: 'orders-by-status',
  chartKind: 'vertical_bar',
  chartType: 'cartesian',
} as ListedContent;
const dashboard = { ...base, uuid: 'd1', name: 'Sales overview', projectUuid: 'p', organizationUuid: 'o' } as ListedContent;

describe('content links', () => {
  it('opens charts at /saved and dashboards at /dashboards/…/view', () => {
    expect(listedLink('p', chart, 'x')).toMatchObject({ kind: 'Chart', href: '/projects/p/saved/c1' });
    expect(listedLink('p', dashboard, 'x')).toMatchObject({ kind: 'Dashboard', href: '/projects/p/dashboards/d1/view' });
  });

  it('describes pinned spaces by their content', () => {
    const space: PinnedItem = {
      type: 'space',
      data: { uuid: 's1', name: 'Sales', projectUuid: 'p', organizationUuid: 'o', isPrivate: false, chartCount: 1, dashboardCount: 2 },
    };
    expect(pinnedLink('p', space)).toEqual({ key: 'space:s1', name: 'Sales', kind: 'Space', href: '/projects/p/spaces/s1', detail: '2 dashboards, 1 chart' });
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-01-01T02:00:00.000Z');
    expect(ago('2026-01-01T01:59:30.000Z', now)).toBe('just now');
    expect(ago('2026-01-01T01:59:00.000Z', now)).toBe('1 minute ago');
    expect(ago('2026-01-01T00:00:00.000Z', now)).toBe('2 hours ago');
    expect(ago('2025-12-29T02:00:00.000Z', now)).toBe('3 days ago');
  });
});
