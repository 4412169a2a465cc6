import type { MetricQuery } from '@tessera/core';
import { apiGet, apiPost, apiRequest } from './api-client.js';
import type {
  ChartContent,
  ChartVersion,
  ChartVersionSummary,
  CreateSavedChart,
  CsvExportStatus,
  ExploreCsvOptions,
  SavedChart,
  Space,
  SpaceSummary,
} from './charts-types.js';
import type { QueryResults } from './types.js';

/** Saved charts, their versions and results, the spaces to save in, and CSV exports: one function per API v1 operation. */
const project = (projectUuid: string) => `/projects/${encodeURIComponent(projectUuid)}`;
const saved = (chartUuid: string) => `/saved/${encodeURIComponent(chartUuid)}`;
const version = (chartUuid: string, versionUuid: string) => `${saved(chartUuid)}/version/${encodeURIComponent(versionUuid)}`;

export const createSavedChart = (projectUuid: string, body: CreateSavedChart) => apiPost<SavedChart>(`${project(projectUuid)}/saved`, body);
export const getSavedChart = (chartUuid: string, signal?: AbortSignal) => apiGet<SavedChart>(saved(chartUuid), signal);
export const createSavedChartVersion = (chartUuid: string, body: ChartContent) => apiPost<SavedChart>(`${saved(chartUuid)}/version`, body);
export const updateSavedChart = (chartUuid: string, body: { name?: string; description?: string | null; spaceUuid?: string }) =>
  apiRequest<SavedChart>('PATCH', saved(chartUuid), { body });

export const postChartResults = (chartUuid: string, signal?: AbortSignal) => apiPost<QueryResults>(`${saved(chartUuid)}/results`, {}, signal);
export const getChartHistory = (chartUuid: string, signal?: AbortSignal) => apiGet<{ history: ChartVersionSummary[] }>(`${saved(chartUuid)}/history`, signal);
export const getChartVersion = (chartUuid: string, versionUuid: string, signal?: AbortSignal) => apiGet<ChartVersion>(version(chartUuid, versionUuid), signal);
export const getChartVersionResults = (chartUuid: string, versionUuid: string, signal?: AbortSignal) =>
  apiPost<QueryResults>(`${version(chartUuid, versionUuid)}/results`, {}, signal);
export const rollbackChartVersion = (chartUuid: string, versionUuid: string) =>
  apiPost<undefined>(`${saved(chartUuid)}/rollback/${encodeURIComponent(versionUuid)}`, {});

export const listSpaces = (projectUuid: string, signal?: AbortSignal) => apiGet<SpaceSummary[]>(`${project(projectUuid)}/spaces`, signal);
export const createSpace = (projectUuid: string, body: { name: string; isPrivate?: boolean }) => apiPost<Space>(`${project(projectUuid)}/spaces`, body);

export const downloadCsvFromExplore = (projectUuid: string, exploreId: string, query: MetricQuery, options: ExploreCsvOptions) =>
  apiPost<{ jobId: string }>(`${project(projectUuid)}/explores/${encodeURIComponent(exploreId)}/downloadCsv`, { ...query, ...options });
export const downloadCsvFromSavedChart = (chartUuid: string, body: { onlyRaw: boolean; csvLimit?: number | null }) =>
  apiPost<{ jobId: string }>(`${saved(chartUuid)}/downloadCsv`, body);
export const getCsvUrl = (jobId: string, signal?: AbortSignal) => apiGet<CsvExportStatus>(`/csv/${encodeURIComponent(jobId)}`, signal);
