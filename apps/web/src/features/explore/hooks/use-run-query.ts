import type { MetricQuery } from '@tessera/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { runQuery } from '../../../api/endpoints.js';
import { exploreKeys } from './explore-keys.js';

type Submitted = { query: MetricQuery; run: number };

/**
 * Runs a metric query when asked (`run`), not on every edit. `cancel` aborts the request; the
 * server sees the connection close and cancels the warehouse query. The last results stay on
 * screen while the next run loads. `initial` runs at once (a saved chart opened for editing).
 */
export const useRunQuery = (projectUuid: string, exploreId: string, initial?: MetricQuery) => {
  const client = useQueryClient();
  const [submitted, setSubmitted] = useState<Submitted | undefined>(initial ? { query: initial, run: 1 } : undefined);
  const [cancelled, setCancelled] = useState(false);
  const key = submitted ? exploreKeys.results(projectUuid, exploreId, submitted.query, submitted.run) : ['results', 'none'];
  const results = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => runQuery(projectUuid, exploreId, (submitted as Submitted).query, signal),
    enabled: submitted !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return {
    results,
    submittedQuery: submitted?.query,
    cancelled,
    run: (query: MetricQuery) => {
      setCancelled(false);
      setSubmitted((s) => ({ query, run: (s?.run ?? 0) + 1 }));
    },
    cancel: () => {
      setCancelled(true);
      void client.cancelQueries({ queryKey: key });
    },
  };
};
