import { Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { Explore } from '@tessera/core';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Link } from 'react-router';
import { downloadCsvFromExplore } from '../../../api/charts-endpoints.js';
import type { SavedChart } from '../../../api/charts-types.js';
import { MARKS, mark } from '../../../app/performance-marks.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ChartBuilder } from '../../charts/components/chart-builder.js';
import { CsvDownload } from '../../charts/components/csv-download.js';
import { SaveActions } from '../../charts/components/save-actions.js';
import { stateOfChart } from '../../charts/utils/chart-content.js';
import { useRunQuery } from '../hooks/use-run-query.js';
import type { FieldIndex } from '../utils/field-index.js';
import { exploreReducer, initialExploreState, toMetricQuery } from '../utils/explore-state.js';
import { customColumns } from '../utils/custom-fields.js';
import { rulesOf } from '../utils/filter-tree.js';
import { CustomFieldsPanel } from './custom-fields-panel.js';
import { FieldTree } from './field-tree.js';
import { FilterBuilder } from './filter-builder.js';
import { ResultsTable } from './results-table.js';
import { SortsEditor } from './sorts-editor.js';
import { SqlView } from './sql-view.js';
import classes from './explore-page.module.css';

type Props = {
  projectUuid: string;
  exploreId: string;
  explore: Explore;
  index: FieldIndex;
  /** Editing a saved chart: the builder starts from its state, runs it, and saves versions of it. */
  saved?: SavedChart | undefined;
};

/** The explore page's builder: fields on the left; filters, sorts, run, results, chart, custom fields, SQL, save and CSV on the right. */
export const ExploreBuilder = ({ projectUuid, exploreId, explore, index, saved }: Props) => {
  const [state, dispatch] = useReducer(exploreReducer, saved, (chart) => (chart ? stateOfChart(chart) : initialExploreState()));
  const [showSql, setShowSql] = useState(false);
  const query = useMemo(() => toMetricQuery(exploreId, state), [exploreId, state]);
  // A saved chart opens with its results.
  const [initialQuery] = useState(() => (saved ? toMetricQuery(exploreId, state) : undefined));
  const runner = useRunQuery(projectUuid, exploreId, initialQuery);
  const results = runner.results;
  const running = results.isFetching;
  const fields = [...index.fields.values()];
  const selected = useMemo(() => new Set([...state.dimensions, ...state.metrics]), [state.dimensions, state.metrics]);
  const selectedFields = [...state.dimensions, ...state.metrics].map((id) => index.fields.get(id)).filter((f) => f !== undefined);
  // Custom fields are selected while they exist (removing one unselects it).
  const selectedColumns = [...selectedFields, ...customColumns(state)];
  const nothingChosen = state.dimensions.length === 0 && state.metrics.length === 0;
  const filterCount = rulesOf(state.filters.dimensions).length + rulesOf(state.filters.metrics).length;
  const stale = results.data !== undefined && JSON.stringify(runner.submittedQuery) !== JSON.stringify(query);

  useEffect(() => mark(MARKS.exploreReady), []);

  const run = () => runner.run(query);
  const sortBy = (fieldId: string, add: boolean) => {
    const next = exploreReducer(state, { type: 'cycleSort', fieldId, add });
    dispatch({ type: 'setSorts', sorts: next.sorts });
    runner.run(toMetricQuery(exploreId, next));
  };
  const exportCsv = (all: boolean) => {
    const submitted = runner.submittedQuery ?? query;
    const columnOrder = [...submitted.dimensions, ...submitted.metrics, ...submitted.tableCalculations.map((c) => c.name)];
    return downloadCsvFromExplore(projectUuid, exploreId, submitted, {
      onlyRaw: false,
      showTableNames: true,
      columnOrder,
      ...(all ? { csvLimit: null } : {}),
      ...(saved ? { chartName: saved.name } : {}),
    });
  };

  return (
    <div className={classes.layout}>
      <aside className={classes.sidebar}>
        <Group px="sm" pt="sm" gap={6} wrap="nowrap">
          <Anchor component={Link} to={`/projects/${projectUuid}/tables`} size="sm">
            Explores
          </Anchor>
          <Text size="sm" c="dimmed">
            /
          </Text>
          <Title order={5} className={classes.title}>
            {explore.label}
          </Title>
        </Group>
        <FieldTree index={index} selected={selected} onToggleField={(fieldId, kind) => dispatch({ type: 'toggleField', fieldId, kind })} />
      </aside>
      <main className={classes.main}>
        <Stack gap="md" p="md">
          <Group justify="space-between" align="flex-start">
            <SaveActions projectUuid={projectUuid} exploreName={exploreId} state={state} saved={saved} />
            <CsvDownload begin={exportCsv} disabled={nothingChosen} />
          </Group>

          <Paper withBorder p="sm">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600}>Filters {filterCount > 0 && <Badge size="sm" variant="light">{filterCount}</Badge>}</Text>
              </Group>
              <FilterBuilder
                title="Rows where (dimensions)"
                fields={fields.filter((f) => f.kind === 'dimension')}
                group={state.filters.dimensions}
                onChange={(group) => dispatch({ type: 'setFilters', kind: 'dimensions', group })}
              />
              <FilterBuilder
                title="Groups where (metrics)"
                fields={fields.filter((f) => f.kind === 'metric')}
                group={state.filters.metrics}
                onChange={(group) => dispatch({ type: 'setFilters', kind: 'metrics', group })}
              />
            </Stack>
          </Paper>

          <CustomFieldsPanel projectUuid={projectUuid} explore={explore} index={index} state={state} dispatch={dispatch} />

          <Paper withBorder p="sm">
            <Group justify="space-between" align="flex-end">
              <SortsEditor
                sorts={state.sorts}
                selected={selectedColumns}
                limit={state.limit}
                onSorts={(sorts) => dispatch({ type: 'setSorts', sorts })}
                onLimit={(limit) => dispatch({ type: 'setLimit', limit })}
              />
              <Group gap="xs">
                {running ? (
                  <Button color="red" variant="light" onClick={runner.cancel}>
                    Cancel
                  </Button>
                ) : null}
                <Button onClick={run} loading={running} disabled={nothingChosen}>
                  Run query
                </Button>
              </Group>
            </Group>
          </Paper>

          {results.data && (
            <ChartBuilder
              results={results.data}
              chart={state.chart}
              pivotColumns={state.pivotColumns}
              onChange={(chart, pivotColumns) => dispatch({ type: 'setChart', chart, pivotColumns })}
            />
          )}

          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={600}>Results</Text>
                {results.data && !running && (
                  <Text size="xs" c="dimmed" data-testid="results-summary">
                    {results.data.rows.length} row{results.data.rows.length === 1 ? '' : 's'}
                    {results.data.cacheMetadata.cacheHit ? ' · from cache' : ''}
                  </Text>
                )}
                {stale && !running && (
                  <Badge color="yellow" variant="light" size="sm">
                    The query changed: run it to update
                  </Badge>
                )}
              </Group>
              {running && <Loader size="xs" aria-label="Running the query" />}
            </Group>
            {nothingChosen && !results.data && <Text c="dimmed" size="sm">Choose dimensions and metrics in the field list, then run the query.</Text>}
            {runner.cancelled && !running && (
              <Alert color="gray" mb="xs">
                The query was cancelled.
              </Alert>
            )}
            {results.isError && !running && <ErrorAlert error={results.error} onRetry={run} />}
            {results.data && (
              <div style={{ opacity: running ? 0.5 : 1 }}>
                <ResultsTable results={results.data} sorts={runner.submittedQuery?.sorts ?? []} onSort={sortBy} />
              </div>
            )}
          </Paper>

          <Paper withBorder p="sm">
            <Button variant="subtle" size="xs" onClick={() => setShowSql((s) => !s)} aria-expanded={showSql}>
              {showSql ? 'Hide SQL' : 'Show SQL'}
            </Button>
            {showSql && (
              <Box mt="xs">
                <SqlView projectUuid={projectUuid} exploreId={exploreId} query={query} />
              </Box>
            )}
          </Paper>
        </Stack>
      </main>
    </div>
  );
};
