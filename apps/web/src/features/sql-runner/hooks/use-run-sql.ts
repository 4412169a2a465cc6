import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { runSqlQuery } from '../../../api/settings-endpoints.js';

type Submitted = { sql: string; run: number };

/**
 * Runs the SQL when asked, never on typing. Each Run asks the warehouse again (the run counter is
 * in the key; the server never caches raw SQL). Cancel aborts the request: the server sees the
 * connection close and cancels the warehouse query.
 */
export const useRunSql = (projectUuid: string) => {
  const client = useQueryClient();
  const [submitted, setSubmitted] = useState<Submitted | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const key = ['sql-runner', 'results', projectUuid, submitted?.run ?? 0, submitted?.sql ?? ''] as const;
  const results = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => runSqlQuery(projectUuid, (submitted as Submitted).sql, signal),
    enabled: submitted !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return {
    results,
    cancelled,
    run: (sql: string) => {
      setCancelled(false);
      setSubmitted((s) => ({ sql, run: (s?.run ?? 0) + 1 }));
    },
    cancel: () => {
      setCancelled(true);
      void client.cancelQueries({ queryKey: key });
    },
  };
};
