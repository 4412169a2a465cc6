import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DashboardFilters } from '../../../api/dashboards-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PinButton } from '../../home/components/pin-button.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCanEditDashboard } from '../hooks/use-dashboard-permissions.js';
import { useDashboard } from '../hooks/use-dashboards.js';
import { useFilterFields } from '../hooks/use-filter-fields.js';
import { tileInputOf, tilesOnTab } from '../utils/dashboard-draft.js';
import { effectiveFilters } from '../utils/dashboard-filter-rules.js';
import { DashboardGrid } from './dashboard-grid.js';
import { DashboardTabs } from './dashboard-tabs.js';
import { FiltersBar } from './filters-bar.js';
import { TileContent } from './tile-content.js';

/**
 * A dashboard: its tiles on the grid, its tabs, and its filters — which anyone viewing may change
 * for themselves (not saved; editors save filters in edit mode). Edit is offered to those who may.
 */
export const DashboardViewPage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const dashboardUuid = params.dashboardUuid ?? '';
  const dashboard = useDashboard(dashboardUuid);
  const canEdit = useCanEditDashboard(projectUuid, dashboard.data?.spaceUuid);
  const [changedFilters, setChangedFilters] = useState<DashboardFilters | undefined>();
  const [tab, setTab] = useState<string | undefined>();
  const { fields, loading } = useFilterFields(dashboard.data?.tiles ?? []);

  if (dashboard.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </Container>
    );
  }
  if (!dashboard.data) return <PageLoader label="Loading the dashboard" />;
  const d = dashboard.data;
  const filters = changedFilters ?? d.filters;
  const sent = effectiveFilters(filters, fields);
  const tiles = tilesOnTab(d.tiles, d.tabs, tab);

  return (
    <Container fluid py="md" px="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2}>{d.name}</Title>
            <Text size="sm" c="dimmed">
              In{' '}
              <Anchor component={Link} to={`/projects/${projectUuid}/spaces/${d.spaceUuid}`} size="sm">
                {d.spaceName}
              </Anchor>
              {d.description ? ` · ${d.description}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            {changedFilters && (
              <Button variant="subtle" onClick={() => setChangedFilters(undefined)}>
                Reset filters
              </Button>
            )}
            <PinButton projectUuid={projectUuid} target={{ kind: 'dashboard', uuid: d.uuid }} pinned={d.pinnedListUuid !== null} />
            {canEdit && (
              <Button component={Link} to={`/projects/${projectUuid}/dashboards/${d.uuid}/edit`}>
                Edit dashboard
              </Button>
            )}
          </Group>
        </Group>
        <FiltersBar filters={filters} fields={fields} loadingFields={loading} onChange={setChangedFilters} />
        <DashboardTabs tabs={[...d.tabs].sort((a, b) => a.order - b.order)} active={tab} onSelect={setTab} />
        {tiles.length === 0 ? (
          <Text c="dimmed" py="xl" ta="center">
            {d.tiles.length === 0 ? 'This dashboard has no tiles yet.' : 'This tab has no tiles yet.'}
            {canEdit ? ' Edit the dashboard to add charts and text.' : ''}
          </Text>
        ) : (
          <DashboardGrid
            editable={false}
            items={tiles.map((t) => ({
              uuid: t.uuid,
              x: t.x,
              y: t.y,
              w: t.w,
              h: t.h,
              node: <TileContent projectUuid={projectUuid} dashboardUuid={d.uuid} tile={tileInputOf(t)} saved filters={sent} />,
            }))}
          />
        )}
      </Stack>
    </Container>
  );
};
