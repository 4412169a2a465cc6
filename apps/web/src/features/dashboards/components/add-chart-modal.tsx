import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useProjectCharts } from '../hooks/use-dashboards.js';

type Props = { projectUuid: string; opened: boolean; onClose: () => void; onAdd: (chart: { uuid: string; title: string }) => void };

/** Pick one of the project's saved charts (those the user may view) for a new tile. */
export const AddChartModal = ({ projectUuid, opened, onClose, onAdd }: Props) => {
  const charts = useProjectCharts(projectUuid, opened);
  const [chartUuid, setChartUuid] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const close = () => {
    setChartUuid(null);
    setTitle('');
    onClose();
  };
  const chosen = charts.data?.find((c) => c.uuid === chartUuid);
  return (
    <Modal opened={opened} onClose={close} title="Add a saved chart">
      <Stack>
        {charts.isError && <ErrorAlert error={charts.error} onRetry={() => void charts.refetch()} />}
        <Select
          label="Chart"
          placeholder={charts.isPending ? 'Loading charts…' : 'Choose a chart'}
          searchable
          data={(charts.data ?? []).map((c) => ({ value: c.uuid, label: `${c.name} (${c.spaceName})` }))}
          value={chartUuid}
          onChange={setChartUuid}
          nothingFoundMessage="No such chart"
          comboboxProps={{ withinPortal: false }}
        />
        {charts.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No saved charts yet: build one on the explore page and save it to a space.
          </Text>
        )}
        <TextInput label="Tile title (optional)" placeholder={chosen?.name ?? 'The chart’s name'} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!chosen}
            onClick={() => {
              if (!chosen) return;
              onAdd({ uuid: chosen.uuid, title: title.trim() });
              close();
            }}
          >
            Add chart
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
