import type { MetricQuery } from '@tessera/core';
import { apiGet, apiPost, apiRequest } from './api-client.js';
import type { Explore, Health, Job, LightdashUser, OrganizationProject, QueryResults, SummaryExplore } from './types.js';

/** One function per API v1 operation the app calls; paths and bodies as the spec has them. */
const project = (projectUuid: string) => `/projects/${encodeURIComponent(projectUuid)}`;
const explore = (projectUuid: string, exploreId: string) => `${project(projectUuid)}/explores/${encodeURIComponent(exploreId)}`;

export const getHealth = (signal?: AbortSignal) => apiGet<Health>('/health', signal);
export const getUser = (signal?: AbortSignal) => apiGet<LightdashUser>('/user', signal);
export const login = (body: { email: string; password: string }) => apiPost<LightdashUser>('/login', body);
export const logout = () => apiRequest<undefined>('GET', '/logout');
export const completeSetup = (body: { token: string; email: string; password: string; firstName: string; lastName: string; organizationName: string }) =>
  apiPost<LightdashUser>('/setup', body);

export const listProjects = (signal?: AbortSignal) => apiGet<OrganizationProject[]>('/org/projects', signal);
export const listExplores = (projectUuid: string, signal?: AbortSignal) => apiGet<SummaryExplore[]>(`${project(projectUuid)}/explores`, signal);
export const getExplore = (projectUuid: string, exploreId: string, signal?: AbortSignal) => apiGet<Explore>(explore(projectUuid, exploreId), signal);
export const refreshProject = (projectUuid: string) => apiPost<{ jobUuid: string }>(`${project(projectUuid)}/refresh`, {});
export const getJob = (jobUuid: string, signal?: AbortSignal) => apiGet<Job>(`/jobs/${encodeURIComponent(jobUuid)}`, signal);

export const runQuery = (projectUuid: string, exploreId: string, query: MetricQuery, signal?: AbortSignal) =>
  apiPost<QueryResults>(`${explore(projectUuid, exploreId)}/runQuery`, query, signal);
export const compileQuery = (projectUuid: string, exploreId: string, query: MetricQuery, signal?: AbortSignal) =>
  apiPost<string>(`${explore(projectUuid, exploreId)}/compileQuery`, query, signal);
