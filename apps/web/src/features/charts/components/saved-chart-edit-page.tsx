import { Box } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { ExploreBuilder } from '../../explore/components/explore-builder.js';
import { useExplore } from '../../explore/hooks/use-explores.js';
import { useSavedChart } from '../hooks/use-saved-chart.js';

/** Editing a saved chart (/projects/:projectUuid/saved/:chartUuid/edit): the explore page opened with the chart's state. */
export const SavedChartEditPage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const chart = useSavedChart(params.chartUuid ?? '');
  const explore = useExplore(projectUuid, chart.data?.tableName ?? '', chart.data !== undefined);
  const error = chart.error ?? (chart.data ? explore.error : null);

  if (error) {
    return (
      <Box p="lg">
        <ErrorAlert error={error} onRetry={() => void (chart.isError ? chart.refetch() : explore.refetch())} />
      </Box>
    );
  }
  if (!chart.data || !explore.data || !explore.index) return <PageLoader label="Loading the chart" />;
  return (
    <ExploreBuilder
      key={`${chart.data.uuid}/${chart.data.updatedAt}`}
      projectUuid={projectUuid}
      exploreId={chart.data.tableName}
      explore={explore.data}
      index={explore.index}
      saved={chart.data}
    />
  );
};
