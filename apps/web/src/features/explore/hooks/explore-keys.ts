import type { MetricQuery } from '@tessera/core';

export const exploreKeys = {
  list: (projectUuid: string) => ['explores', projectUuid] as const,
  one: (projectUuid: string, exploreId: string) => ['explores', projectUuid, exploreId] as const,
  /** One entry per Run click (`run`), so running the same query again asks the server again. */
  results: (projectUuid: string, exploreId: string, query: MetricQuery, run: number) => ['results', projectUuid, exploreId, run, query] as const,
  sql: (projectUuid: string, exploreId: string, query: MetricQuery) => ['compiled-sql', projectUuid, exploreId, query] as const,
};
