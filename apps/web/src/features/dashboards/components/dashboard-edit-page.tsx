import { ActionIcon, Alert, Anchor, Button, Container, Group, Stack, Text, TextInput } from '@mantine/core';
import { useReducer, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Dashboard } from '../../../api/dashboards-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCanEditDashboard } from '../hooks/use-dashboard-permissions.js';
import { useDashboard, useUpdateDashboard } from '../hooks/use-dashboards.js';
import { useFilterFields } from '../hooks/use-filter-fields.js';
import { draftOf, draftReducer, saveBody, tilesOnTab } from '../utils/dashboard-draft.js';
import { effectiveFilters } from '../utils/dashboard-filter-rules.js';
import { AddChartModal } from './add-chart-modal.js';
import { DashboardGrid } from './dashboard-grid.js';
import { DashboardTabs } from './dashboard-tabs.js';
import { FiltersBar } from './filters-bar.js';
import { MarkdownModal } from './markdown-modal.js';
import { TileContent } from './tile-content.js';

const newId = () => crypto.randomUUID();

/** Edit mode: drag and resize tiles, add charts and text, tabs, filters; saved as one new version. */
export const DashboardEditPage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const dashboardUuid = params.dashboardUuid ?? '';
  const dashboard = useDashboard(dashboardUuid);
  const canEdit = useCanEditDashboard(projectUuid, dashboard.data?.spaceUuid);

  if (dashboard.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </Container>
    );
  }
  if (!dashboard.data) return <PageLoader label="Loading the dashboard" />;
  if (!canEdit) {
    return (
      <Container py="xl">
        <Alert color="yellow" title="You cannot edit this dashboard">
          Editing needs edit access to its space. Ask a space admin, or{' '}
          <Anchor component={Link} to={`/projects/${projectUuid}/dashboards/${dashboardUuid}/view`}>
            view the dashboard
          </Anchor>
          .
        </Alert>
      </Container>
    );
  }
  return <DashboardEditor projectUuid={projectUuid} dashboard={dashboard.data} />;
};

const DashboardEditor = ({ projectUuid, dashboard }: { projectUuid: string; dashboard: Dashboard }) => {
  const [draft, dispatch] = useReducer(draftReducer, dashboard, draftOf);
  const [name, setName] = useState(dashboard.name);
  const [dialog, setDialog] = useState<{ kind: 'chart' } | { kind: 'markdown'; uuid: string | undefined; title: string; content: string } | undefined>();
  const save = useUpdateDashboard(dashboard.uuid);
  const navigate = useNavigate();
  const { fields, loading } = useFilterFields(draft.tiles);
  const savedTiles = new Set(dashboard.tiles.map((t) => t.uuid));
  const sent = effectiveFilters(draft.filters, fields);
  const viewPath = `/projects/${projectUuid}/dashboards/${dashboard.uuid}/view`;

  const tiles = tilesOnTab(draft.tiles, draft.tabs, draft.activeTab);
  const items = tiles.map((tile) => ({
    uuid: tile.uuid,
    x: tile.x,
    y: tile.y,
    w: tile.w,
    h: tile.h,
    node: (
      <TileContent
        projectUuid={projectUuid}
        dashboardUuid={dashboard.uuid}
        tile={tile}
        saved={savedTiles.has(tile.uuid)}
        filters={sent}
        actions={
          <>
            {tile.type === 'markdown' && (
              <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'markdown', uuid: tile.uuid, ...tile.properties })}>
                Edit
              </Button>
            )}
            <ActionIcon size="sm" variant="subtle" color="red" aria-label="Remove tile" onClick={() => dispatch({ type: 'removeTile', uuid: tile.uuid })}>
              ✕
            </ActionIcon>
          </>
        }
      />
    ),
  }));

  return (
    <Container fluid py="md" px="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <TextInput label="Dashboard name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={360} />
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog({ kind: 'chart' })}>
              Add chart
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'markdown', uuid: undefined, title: '', content: '' })}>
              Add text
            </Button>
            <Button variant="subtle" component={Link} to={viewPath}>
              Cancel
            </Button>
            <Button
              loading={save.isPending}
              disabled={name.trim() === ''}
              onClick={() => save.mutate({ name: name.trim(), ...saveBody(draft) }, { onSuccess: () => void navigate(viewPath) })}
            >
              Save dashboard
            </Button>
          </Group>
        </Group>
        {save.isError && <ErrorAlert error={save.error} />}
        <FiltersBar filters={draft.filters} fields={fields} loadingFields={loading} onChange={(filters) => dispatch({ type: 'setFilters', filters })} />
        <DashboardTabs
          tabs={draft.tabs}
          active={draft.activeTab}
          onSelect={(uuid) => dispatch({ type: 'selectTab', uuid })}
          editing={{
            onAdd: () => dispatch({ type: 'addTab', uuids: [newId(), newId()] }),
            onRename: (uuid, tabName) => dispatch({ type: 'renameTab', uuid, name: tabName }),
            onRemove: (uuid) => dispatch({ type: 'removeTab', uuid }),
          }}
        />
        {items.length === 0 ? (
          <Text c="dimmed" py="xl" ta="center">
            Nothing here yet: add a chart or a text tile.
          </Text>
        ) : (
          <DashboardGrid editable items={items} onLayoutChange={(layout) => dispatch({ type: 'setLayout', layout })} />
        )}
      </Stack>
      <AddChartModal
        projectUuid={projectUuid}
        opened={dialog?.kind === 'chart'}
        onClose={() => setDialog(undefined)}
        onAdd={(chart) => dispatch({ type: 'addChart', uuid: newId(), savedChartUuid: chart.uuid, title: chart.title })}
      />
      <MarkdownModal
        editing={dialog?.kind === 'markdown' ? dialog : undefined}
        onClose={() => setDialog(undefined)}
        onSave={(value) => {
          if (dialog?.kind === 'markdown' && dialog.uuid) dispatch({ type: 'editMarkdown', uuid: dialog.uuid, ...value });
          else dispatch({ type: 'addMarkdown', uuid: newId(), ...value });
          setDialog(undefined);
        }}
      />
    </Container>
  );
};
