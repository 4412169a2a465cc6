import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SavedChart } from '../../../api/charts-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import type { ExploreState } from '../../explore/utils/explore-state.js';
import { useCanEditChart, useCanSaveCharts } from '../hooks/use-chart-permissions.js';
import { useSaveChartVersion } from '../hooks/use-save-chart.js';
import { toChartContent } from '../utils/chart-content.js';
import { SaveChartModal } from './save-chart-modal.js';

type Props = { projectUuid: string; exploreName: string; state: ExploreState; saved: SavedChart | undefined };

const chartPath = (projectUuid: string, chartUuid: string) => `/projects/${projectUuid}/saved/${chartUuid}`;

/** A new chart: "Save chart" to a space. Editing a saved chart: "Save changes" as its next version. Hidden from who may not. */
export const SaveActions = ({ projectUuid, exploreName, state, saved }: Props) =>
  saved ? <EditActions projectUuid={projectUuid} exploreName={exploreName} state={state} saved={saved} /> : <NewChartActions projectUuid={projectUuid} exploreName={exploreName} state={state} />;

const NewChartActions = ({ projectUuid, exploreName, state }: Omit<Props, 'saved'>) => {
  const canSave = useCanSaveCharts(projectUuid);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const empty = state.dimensions.length === 0 && state.metrics.length === 0;
  if (!canSave) return <span />;
  return (
    <>
      <Button size="xs" onClick={() => setOpen(true)} disabled={empty} title={empty ? 'Choose fields first' : undefined}>
        Save chart
      </Button>
      <SaveChartModal
        projectUuid={projectUuid}
        opened={open}
        onClose={() => setOpen(false)}
        content={() => toChartContent(exploreName, state)}
        onSaved={(chart) => void navigate(chartPath(projectUuid, chart.uuid))}
      />
    </>
  );
};

const EditActions = ({ projectUuid, exploreName, state, saved }: Props & { saved: SavedChart }) => {
  const canEdit = useCanEditChart(saved);
  const save = useSaveChartVersion(saved.uuid);
  const navigate = useNavigate();
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Title order={4}>{saved.name}</Title>
        <Badge variant="light">Editing</Badge>
        <Text size="sm" c="dimmed">
          in {saved.spaceName}
        </Text>
      </Group>
      <Group gap="xs">
        {canEdit && (
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate(toChartContent(exploreName, state), { onSuccess: () => void navigate(chartPath(projectUuid, saved.uuid)) })}>
            Save changes
          </Button>
        )}
        <Button size="xs" variant="default" component={Link} to={chartPath(projectUuid, saved.uuid)}>
          {canEdit ? 'Cancel' : 'Back to the chart'}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </Stack>
  );
};
