import { Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useReducer, useState } from 'react';
import { Link, useParams } from 'react-router';
import { MARKS, mark } from '../../../app/performance-marks.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useExplore } from '../hooks/use-explores.js';
import { useRunQuery } from '../hooks/use-run-query.js';
import type { ChartType } from '../utils/chart-option.js';
import { exploreReducer, initialExploreState, toMetricQuery } from '../utils/explore-state.js';
import { rulesOf } from '../utils/filter-tree.js';
import { FieldTree } from './field-tree.js';
import { FilterBuilder } from './filter-builder.js';
import { ResultsTable } from './results-table.js';
import { SortsEditor } from './sorts-editor.js';
import { SqlView } from './sql-view.js';
import classes from './explore-page.module.css';

const ResultsChart = lazy(() => import('./results-chart.js'));

/** The explore page: fields on the left; filters, sorts, run, results, chart and SQL on the right. */
export const ExplorePage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const exploreId = params.exploreId ?? '';
  const explore = useExplore(projectUuid, exploreId);

  if (explore.isError) {
    return (
      <Box p="lg">
        <ErrorAlert error={explore.error} onRetry={() => void explore.refetch()} />
      </Box>
    );
  }
  if (!explore.data || !explore.index) return <PageLoader label="Loading the explore" />;
  // A new explore starts from a clean state (the key remounts the builder).
  return <ExploreBuilder key={`${projectUuid}/${exploreId}`} projectUuid={projectUuid} exploreId={exploreId} label={explore.data.label} index={explore.index} />;
};

type BuilderProps = { projectUuid: string; exploreId: string; label: string; index: NonNullable<ReturnType<typeof useExplore>['index']> };

const ExploreBuilder = ({ projectUuid, exploreId, label, index }: BuilderProps) => {
  const [state, dispatch] = useReducer(exploreReducer, undefined, initialExploreState);
  const [chartType, setChartType] = useState<ChartType>('bar');
  const [showSql, setShowSql] = useState(false);
  const query = useMemo(() => toMetricQuery(exploreId, state), [exploreId, state]);
  const runner = useRunQuery(projectUuid, exploreId);
  const results = runner.results;
  const running = results.isFetching;
  const fields = [...index.fields.values()];
  const selected = useMemo(() => new Set([...state.dimensions, ...state.metrics]), [state.dimensions, state.metrics]);
  const selectedFields = [...state.dimensions, ...state.metrics].map((id) => index.fields.get(id)).filter((f) => f !== undefined);
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
            {label}
          </Title>
        </Group>
        <FieldTree index={index} selected={selected} onToggleField={(fieldId, kind) => dispatch({ type: 'toggleField', fieldId, kind })} />
      </aside>
      <main className={classes.main}>
        <Stack gap="md" p="md">
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

          <Paper withBorder p="sm">
            <Group justify="space-between" align="flex-end">
              <SortsEditor
                sorts={state.sorts}
                selected={selectedFields}
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

          {results.data && (
            <Paper withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>Chart</Text>
                <SegmentedControl
                  size="xs"
                  value={chartType}
                  onChange={(v) => setChartType(v === 'line' ? 'line' : 'bar')}
                  data={[
                    { value: 'bar', label: 'Bar' },
                    { value: 'line', label: 'Line' },
                  ]}
                  aria-label="Chart type"
                />
              </Group>
              <Suspense fallback={<Loader size="sm" />}>
                <ResultsChart results={results.data} type={chartType} />
              </Suspense>
            </Paper>
          )}

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
