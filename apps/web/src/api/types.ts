import type { CompiledDimension, CompiledMetric, Explore, MetricQuery, ProjectType } from '@tessera/core';

/**
 * The API v1 shapes this app reads, as the spec (0.1411) names them. Explores and metric queries
 * are core's types: the server answers with exactly those.
 */
export type { Explore, MetricQuery };

/** GET /api/v1/health */
export type Health = { healthy: boolean; version: string; isAuthenticated: boolean };

/** LightdashUser: GET /api/v1/user, POST /api/v1/login, POST /api/v1/setup. */
export type LightdashUser = {
  userUuid: string;
  email?: string;
  firstName: string;
  lastName: string;
  organizationUuid?: string;
  organizationName?: string;
  role?: string;
  isSetupComplete: boolean;
  isActive: boolean;
};

/** OrganizationProject: GET /api/v1/org/projects */
export type OrganizationProject = {
  projectUuid: string;
  name: string;
  type: ProjectType;
  createdByUserUuid: string | null;
  upstreamProjectUuid: string | null;
  warehouseType?: string;
};

/** SummaryExplore: GET /api/v1/projects/{p}/explores */
export type SummaryExplore = {
  name: string;
  label: string;
  tags: string[];
  groupLabel?: string;
  description?: string;
  errors?: { type: string; message: string }[];
};

export type ResultValue = { raw: unknown; formatted: string };
export type ResultRow = Record<string, { value: ResultValue }>;
export type ResultField = CompiledDimension | CompiledMetric;

/** ApiRunQueryResponse results: POST …/explores/{exploreId}/runQuery */
export type QueryResults = {
  metricQuery: MetricQuery;
  cacheMetadata: { cacheHit: boolean; cacheUpdatedTime?: string };
  fields: Record<string, ResultField>;
  rows: ResultRow[];
};

/** GET /api/v1/jobs/{jobUuid} */
export type Job = { jobUuid: string; jobStatus: 'STARTED' | 'RUNNING' | 'DONE' | 'ERROR' };
