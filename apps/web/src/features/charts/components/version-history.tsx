import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SavedChart } from '../../../api/charts-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useChartHistory, useChartVersion } from '../hooks/use-saved-chart.js';
import { useRollbackChart } from '../hooks/use-save-chart.js';
import { SavedChartResults } from './saved-chart-results.js';

const when = (iso: string) => new Date(iso).toLocaleString();
const who = (user: { firstName: string; lastName: string } | null) => (user ? `${user.firstName} ${user.lastName}`.trim() : 'someone no longer here');

type Props = { chart: SavedChart; canEdit: boolean };

/** The chart's versions, newest first: look at one (its chart over its own query's results), or restore it as the newest. */
export const VersionHistory = ({ chart, canEdit }: Props) => {
  const history = useChartHistory(chart.uuid, true);
  const [viewing, setViewing] = useState<string | undefined>();
  const rollback = useRollbackChart(chart.uuid);
  const versions = history.data?.history ?? [];
  const current = versions[0]?.versionUuid;

  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={5}>Version history</Title>
        {history.isPending ? (
          <Text size="sm" c="dimmed">
            Loading the versions…
          </Text>
        ) : (
          <Table data-testid="chart-versions" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Saved</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.versionUuid} data-version={v.versionUuid} bg={viewing === v.versionUuid ? 'blue.0' : undefined}>
                  <Table.Td>
                    {when(v.createdAt)} {v.versionUuid === current && <Badge size="xs" variant="light">Current</Badge>}
                  </Table.Td>
                  <Table.Td>{who(v.createdBy)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="compact-xs" variant="subtle" onClick={() => setViewing(viewing === v.versionUuid ? undefined : v.versionUuid)}>
                        {viewing === v.versionUuid ? 'Hide' : 'View'}
                      </Button>
                      {canEdit && v.versionUuid !== current && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          loading={rollback.isPending && rollback.variables === v.versionUuid}
                          onClick={() => rollback.mutate(v.versionUuid, { onSuccess: () => setViewing(undefined) })}
                        >
                          Restore this version
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {rollback.isError && <ErrorAlert error={rollback.error} />}
        {viewing && <VersionPreview chartUuid={chart.uuid} versionUuid={viewing} />}
      </Stack>
    </Paper>
  );
};

const VersionPreview = ({ chartUuid, versionUuid }: { chartUuid: string; versionUuid: string }) => {
  const { version, results } = useChartVersion(chartUuid, versionUuid);
  if (version.isError) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="version-preview">
      <Text size="sm" fw={600} mb="xs">
        {version.data ? `As saved on ${when(version.data.createdAt)}` : 'Loading the version…'}
      </Text>
      {version.data && <SavedChartResults chart={version.data.chart} results={results} />}
    </Paper>
  );
};
