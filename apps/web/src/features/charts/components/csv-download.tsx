import { Alert, Button, Group, Menu, Progress, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCsvExport } from '../hooks/use-csv-export.js';
import { CSV_PROGRESS } from '../utils/csv-progress.js';

type Props = {
  /** Starts the export; `all` asks for every row (up to the server's cap) instead of the query's limit. */
  begin: (all: boolean) => Promise<{ jobId: string }>;
  disabled?: boolean;
};

/** "Download CSV": starts the export job, shows where it is, then downloads the file. */
export const CsvDownload = ({ begin, disabled = false }: Props) => {
  const csv = useCsvExport();
  const busy = csv.phase === 'starting' || csv.phase === 'scheduled' || csv.phase === 'started';
  const progress = CSV_PROGRESS[csv.phase];
  return (
    <Stack gap={4} align="flex-end">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" loading={busy} disabled={disabled}>
            Download CSV
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => csv.start(() => begin(false))}>Rows up to the query's limit</Menu.Item>
          <Menu.Item onClick={() => csv.start(() => begin(true))}>All rows</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {csv.phase !== 'idle' && csv.phase !== 'error' && (
        <Group gap="xs" wrap="nowrap" data-testid="csv-progress" data-phase={csv.phase}>
          <Progress value={progress.value} animated={busy} w={120} size="sm" aria-label="CSV export progress" />
          <Text size="xs" c="dimmed">
            {progress.label}
          </Text>
        </Group>
      )}
      {csv.phase === 'completed' && csv.truncated && (
        <Text size="xs" c="orange">
          The file stops at the server's row cap: narrow the query with filters to get every row.
        </Text>
      )}
      {csv.failure !== undefined && (
        <Alert color="red" title="The CSV export failed" role="alert" withCloseButton onClose={csv.reset} maw={420}>
          {csv.failure.replace(/\.?$/, '.')} Try again; if it keeps failing, lower the row limit or ask an admin to look at the server log.
        </Alert>
      )}
      {csv.error && <ErrorAlert error={csv.error} onRetry={csv.reset} />}
    </Stack>
  );
};
