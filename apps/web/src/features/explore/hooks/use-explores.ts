import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getExplore, listExplores } from '../../../api/endpoints.js';
import { buildFieldIndex } from '../utils/field-index.js';
import { exploreKeys } from './explore-keys.js';

/** The project's explores. While the list is empty (a project still compiling) it asks again. */
export const useExplores = (projectUuid: string) =>
  useQuery({
    queryKey: exploreKeys.list(projectUuid),
    queryFn: ({ signal }) => listExplores(projectUuid, signal),
    refetchInterval: (query) => (query.state.data?.length === 0 ? 3000 : false),
  });

/** One explore and its field tree (built once per fetched explore); `enabled` false waits (an explore id still loading). */
export const useExplore = (projectUuid: string, exploreId: string, enabled = true) => {
  const explore = useQuery({
    queryKey: exploreKeys.one(projectUuid, exploreId),
    queryFn: ({ signal }) => getExplore(projectUuid, exploreId, signal),
    staleTime: 5 * 60_000,
    enabled: enabled && exploreId !== '',
  });
  const index = useMemo(() => (explore.data ? buildFieldIndex(explore.data) : undefined), [explore.data]);
  return { ...explore, index };
};
