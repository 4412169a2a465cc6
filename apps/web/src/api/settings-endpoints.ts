import { apiGet, apiPost, apiRequest } from './api-client.js';
import type {
  CreateProjectInput,
  Group,
  InviteLink,
  OrganizationMember,
  OrganizationRole,
  Paginated,
  PersonalAccessToken,
  PersonalAccessTokenWithToken,
  Project,
  ProjectGroupAccess,
  ProjectRole,
  SqlQueryResults,
  UpdateProjectInput,
  UserAttribute,
  UserAttributeInput,
  UserWarehouseCredentials,
  UserWarehouseCredentialsInput,
} from './settings-types.js';
import type { LightdashUser } from './types.js';

/** One function per API v1 operation of settings, tokens, invites and the SQL runner. */
const id = encodeURIComponent;

// My account: personal access tokens, warehouse credentials.
export const listTokens = (signal?: AbortSignal) => apiGet<PersonalAccessToken[]>('/user/me/personal-access-tokens', signal);
export const createToken = (body: { description: string; expiresAt: string | null }) =>
  apiPost<PersonalAccessTokenWithToken>('/user/me/personal-access-tokens', body);
export const deleteToken = (uuid: string) => apiRequest<undefined>('DELETE', `/user/me/personal-access-tokens/${id(uuid)}`);

export const listWarehouseCredentials = (signal?: AbortSignal) => apiGet<UserWarehouseCredentials[]>('/user/warehouseCredentials', signal);
export const createWarehouseCredentials = (body: UserWarehouseCredentialsInput) => apiPost<UserWarehouseCredentials>('/user/warehouseCredentials', body);
export const updateWarehouseCredentials = (uuid: string, body: UserWarehouseCredentialsInput) =>
  apiRequest<UserWarehouseCredentials>('PATCH', `/user/warehouseCredentials/${id(uuid)}`, { body });
export const deleteWarehouseCredentials = (uuid: string) => apiRequest<undefined>('DELETE', `/user/warehouseCredentials/${id(uuid)}`);

// Invites (public look-up and acceptance, admin creation and revocation).
export const getInviteLink = (inviteCode: string, signal?: AbortSignal) => apiGet<InviteLink>(`/invite-links/${id(inviteCode)}`, signal);
export const acceptInvite = (body: { inviteCode: string; firstName: string; lastName: string; password: string }) => apiPost<LightdashUser>('/user', body);
export const createInviteLink = (body: { email: string; expiresAt: string; role: OrganizationRole }) => apiPost<InviteLink>('/invite-links', body);
export const revokeAllInviteLinks = () => apiRequest<undefined>('DELETE', '/invite-links');

// Organization members.
export const listMembers = (signal?: AbortSignal) => apiGet<Paginated<OrganizationMember>>('/org/users?includeGroups=100', signal);
export const updateMemberRole = (userUuid: string, role: OrganizationRole) =>
  apiRequest<OrganizationMember>('PATCH', `/org/users/${id(userUuid)}`, { body: { role } });
export const deleteMember = (userUuid: string) => apiRequest<undefined>('DELETE', `/org/user/${id(userUuid)}`);

// Groups.
export const listGroups = (signal?: AbortSignal) => apiGet<Paginated<Group>>('/org/groups?includeMembers=1000', signal);
export const createGroup = (name: string) => apiPost<Group>('/org/groups', { name, members: [] });
export const renameGroup = (groupUuid: string, name: string) => apiRequest<Group>('PATCH', `/groups/${id(groupUuid)}`, { body: { name } });
export const deleteGroup = (groupUuid: string) => apiRequest<undefined>('DELETE', `/groups/${id(groupUuid)}`);
export const addGroupMember = (groupUuid: string, userUuid: string) => apiRequest<undefined>('PUT', `/groups/${id(groupUuid)}/members/${id(userUuid)}`);
export const removeGroupMember = (groupUuid: string, userUuid: string) => apiRequest<undefined>('DELETE', `/groups/${id(groupUuid)}/members/${id(userUuid)}`);

// User attributes.
export const listUserAttributes = (signal?: AbortSignal) => apiGet<UserAttribute[]>('/org/attributes', signal);
export const createUserAttribute = (body: UserAttributeInput) => apiPost<UserAttribute>('/org/attributes', body);
export const updateUserAttribute = (uuid: string, body: UserAttributeInput) => apiRequest<UserAttribute>('PUT', `/org/attributes/${id(uuid)}`, { body });
export const deleteUserAttribute = (uuid: string) => apiRequest<undefined>('DELETE', `/org/attributes/${id(uuid)}`);

// Projects and their access.
export const getProject = (projectUuid: string, signal?: AbortSignal) => apiGet<Project>(`/projects/${id(projectUuid)}`, signal);
export const createProject = (body: CreateProjectInput) => apiPost<Project>('/org/projects', body);
export const updateProject = (projectUuid: string, body: UpdateProjectInput) => apiRequest<Project>('PATCH', `/projects/${id(projectUuid)}`, { body });
export const deleteProject = (projectUuid: string) => apiRequest<undefined>('DELETE', `/org/projects/${id(projectUuid)}`);
export const uploadManifest = (projectUuid: string, manifest: unknown) =>
  apiRequest<{ projectUuid: string; uploadedAt: string }>('PUT', `/projects/${id(projectUuid)}/manifest`, { body: manifest });

// The list itself is GetProjectAccessList in permissions-endpoints.ts (the browser reads its own role from it).
export const grantProjectAccess = (projectUuid: string, body: { email: string; role: ProjectRole }) =>
  apiPost<undefined>(`/projects/${id(projectUuid)}/access`, { ...body, sendEmail: false });
export const updateProjectAccess = (projectUuid: string, userUuid: string, role: ProjectRole) =>
  apiRequest<undefined>('PATCH', `/projects/${id(projectUuid)}/access/${id(userUuid)}`, { body: { role } });
export const revokeProjectAccess = (projectUuid: string, userUuid: string) => apiRequest<undefined>('DELETE', `/projects/${id(projectUuid)}/access/${id(userUuid)}`);
export const listProjectGroupAccess = (projectUuid: string, signal?: AbortSignal) =>
  apiGet<ProjectGroupAccess[]>(`/projects/${id(projectUuid)}/groupAccesses`, signal);

// SQL runner.
export const runSqlQuery = (projectUuid: string, sql: string, signal?: AbortSignal) => apiPost<SqlQueryResults>(`/projects/${id(projectUuid)}/sqlQuery`, { sql }, signal);

// A group's role in a project.
const groupProject = (groupUuid: string, projectUuid: string) => `/groups/${id(groupUuid)}/projects/${id(projectUuid)}`;
export const addProjectGroupAccess = (projectUuid: string, groupUuid: string, role: ProjectRole) =>
  apiPost<ProjectGroupAccess>(groupProject(groupUuid, projectUuid), { role });
export const updateProjectGroupAccess = (projectUuid: string, groupUuid: string, role: ProjectRole) =>
  apiRequest<ProjectGroupAccess>('PATCH', groupProject(groupUuid, projectUuid), { body: { role } });
export const removeProjectGroupAccess = (projectUuid: string, groupUuid: string) => apiRequest<undefined>('DELETE', groupProject(groupUuid, projectUuid));
