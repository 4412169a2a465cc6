import { Box } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useExplore } from '../hooks/use-explores.js';
import { ExploreBuilder } from './explore-builder.js';

/** The explore page (/projects/:projectUuid/tables/:exploreId): loads the explore, then the builder. */
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
  return <ExploreBuilder key={`${projectUuid}/${exploreId}`} projectUuid={projectUuid} exploreId={exploreId} explore={explore.data} index={explore.index} />;
};
