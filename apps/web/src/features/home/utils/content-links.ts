import { isChart, type ListedContent, type PinnedItem } from '../../../api/content-endpoints.js';

/** Where a listed chart, dashboard or space opens (Lightdash's paths). */
export type ContentLink = { key: string; name: string; kind: string; href: string; detail: string };

const chartHref = (projectUuid: string, uuid: string) => `/projects/${projectUuid}/saved/${uuid}`;
const dashboardHref = (projectUuid: string, uuid: string) => `/projects/${projectUuid}/dashboards/${uuid}/view`;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const listedLink = (projectUuid: string, item: ListedContent, detail: string): ContentLink =>
  isChart(item)
    ? { key: `chart:${item.uuid}`, name: item.name, kind: 'Chart', href: chartHref(projectUuid, item.uuid), detail }
    : { key: `dashboard:${item.uuid}`, name: item.name, kind: 'Dashboard', href: dashboardHref(projectUuid, item.uuid), detail };

export const pinnedLink = (projectUuid: string, item: PinnedItem): ContentLink => {
  switch (item.type) {
    case 'chart':
      return { key: `chart:${item.data.uuid}`, name: item.data.name, kind: 'Chart', href: chartHref(projectUuid, item.data.uuid), detail: item.data.chartKind.replace(/_/g, ' ') };
    case 'dashboard':
      return { key: `dashboard:${item.data.uuid}`, name: item.data.name, kind: 'Dashboard', href: dashboardHref(projectUuid, item.data.uuid), detail: plural(item.data.views, 'view') };
    case 'space':
      return {
        key: `space:${item.data.uuid}`,
        name: item.data.name,
        kind: 'Space',
        href: `/projects/${projectUuid}/spaces/${item.data.uuid}`,
        detail: `${plural(item.data.dashboardCount, 'dashboard')}, ${plural(item.data.chartCount, 'chart')}`,
      };
  }
};

/** "5 minutes ago", from `now` (passed in: no clock here). */
export const ago = (iso: string, now: number): string => {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.round(hours / 24), 'day')} ago`;
};

export const viewsText = (views: number): string => plural(views, 'view');
