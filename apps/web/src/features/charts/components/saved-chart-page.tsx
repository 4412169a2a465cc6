import { Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadCsvFromSavedChart } from '../../../api/charts-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCanEditChart } from '../hooks/use-chart-permissions.js';
import { useSavedChart, useSavedChartResults } from '../hooks/use-saved-chart.js';
import { CsvDownload } from './csv-download.js';
import { SavedChartResults } from './saved-chart-results.js';
import { VersionHistory } from './version-history.js';

/** A saved chart (/projects/:projectUuid/saved/:chartUuid): its chart over fresh results, where it lives, when it changed; edit, history, CSV. */
export const SavedChartPage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const chartUuid = params.chartUuid ?? '';
  const chart = useSavedChart(chartUuid);
  const results = useSavedChartResults(chartUuid, chart.data?.updatedAt);
  const canEdit = useCanEditChart(chart.data);
  const [showHistory, setShowHistory] = useState(false);

  if (chart.isError) {
    return (
      <Box p="lg">
        <ErrorAlert error={chart.error} onRetry={() => void chart.refetch()} />
      </Box>
    );
  }
  if (!chart.data) return <PageLoader label="Loading the chart" />;
  const saved = chart.data;
  const by = saved.updatedByUser ? ` by ${saved.updatedByUser.firstName} ${saved.updatedByUser.lastName}`.trimEnd() : '';

  return (
    <Stack gap="md" p="md" maw={1400}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} data-testid="saved-chart-name">
            {saved.name}
          </Title>
          {saved.description && <Text size="sm">{saved.description}</Text>}
          <Text size="sm" c="dimmed">
            In{' '}
            <Anchor component={Link} to={`/projects/${projectUuid}/spaces/${saved.spaceUuid}`} size="sm">
              {saved.spaceName}
            </Anchor>
            {saved.dashboardName ? ` (dashboard ${saved.dashboardName})` : ''} · last updated {new Date(saved.updatedAt).toLocaleString()}
            {by} · explore{' '}
            <Anchor component={Link} to={`/projects/${projectUuid}/tables/${saved.tableName}`} size="sm">
              {saved.tableName}
            </Anchor>
          </Text>
        </Stack>
        <Group gap="xs" align="flex-start">
          {canEdit && (
            <Button size="xs" component={Link} to={`/projects/${projectUuid}/saved/${saved.uuid}/edit`}>
              Edit chart
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => setShowHistory((s) => !s)} aria-expanded={showHistory}>
            {showHistory ? 'Hide history' : 'Version history'}
          </Button>
          <CsvDownload begin={(all) => downloadCsvFromSavedChart(saved.uuid, { onlyRaw: false, ...(all ? { csvLimit: null } : {}) })} />
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SavedChartResults chart={saved} results={results} />
      </Paper>
      {showHistory && <VersionHistory chart={saved} canEdit={canEdit} />}
    </Stack>
  );
};
