import type { MetricQuery } from '@tessera/core';
import { useQuery } from '@tanstack/react-query';
import { compileQuery } from '../../../api/endpoints.js';
import { exploreKeys } from './explore-keys.js';

/** The SQL the current query compiles to (CompileQuery), fetched only while the SQL view is open. */
export const useCompiledSql = (projectUuid: string, exploreId: string, query: MetricQuery, enabled: boolean) =>
  useQuery({
    queryKey: exploreKeys.sql(projectUuid, exploreId, query),
    queryFn: ({ signal }) => compileQuery(projectUuid, exploreId, query, signal),
    enabled: enabled && (query.dimensions.length > 0 || query.metrics.length > 0),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
