import type { OrganizationRole, ProjectRole } from '@tessera/core';

/**
 * The API v1 shapes of the settings pages, the personal access tokens, invites and the SQL runner,
 * as the server answers them (the spec where it has them; the anchor's shapes for invite links and
 * tokens, which the spec leaves out).
 */
export type { OrganizationRole, ProjectRole };

/** PersonalAccessToken: GET /api/v1/user/me/personal-access-tokens */
export type PersonalAccessToken = {
  uuid: string;
  description: string;
  createdAt: string;
  expiresAt: string | null;
  rotatedAt: string | null;
  lastUsedAt: string | null;
};
/** POST /api/v1/user/me/personal-access-tokens: the secret, shown once. */
export type PersonalAccessTokenWithToken = PersonalAccessToken & { token: string };

/** InviteLink: POST /api/v1/invite-links, GET /api/v1/invite-links/{inviteCode} */
export type InviteLink = { inviteCode: string; inviteUrl: string; expiresAt: string; organizationUuid: string; userUuid: string; email: string };

/** OrganizationMemberProfile: GET /api/v1/org/users */
export type OrganizationMember = {
  userUuid: string;
  email: string;
  firstName: string;
  lastName: string;
  organizationUuid: string;
  role: OrganizationRole;
  isActive: boolean;
  isPending: boolean;
  isInviteExpired: boolean;
  userCreatedAt: string;
  userUpdatedAt: string;
  groups?: { uuid: string; name: string }[];
};
export type Paginated<T> = { data: T[]; pagination?: { page: number; pageSize: number; totalResults: number; totalPageCount: number } };

/** GroupMember and GroupWithMembers: /api/v1/org/groups, /api/v1/groups/{groupUuid} */
export type GroupMember = { userUuid: string; email: string; firstName: string; lastName: string };
export type Group = {
  uuid: string;
  name: string;
  organizationUuid: string;
  createdAt: string;
  updatedAt: string;
  members?: GroupMember[];
  memberUuids?: string[];
};

/** UserAttribute: /api/v1/org/attributes */
export type UserAttribute = {
  uuid: string;
  name: string;
  description?: string;
  organizationUuid: string;
  createdAt: string;
  attributeDefault: string | null;
  users: { userUuid: string; email: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};
export type UserAttributeInput = {
  name: string;
  description: string | null;
  attributeDefault: string | null;
  users: { userUuid: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};

/** A warehouse connection as the server returns it: never a secret field (the public shapes). */
export type PublicWarehouseConnection = { type: string } & Record<string, unknown>;
/** Where the models come from: a dbt project directory on the server, an uploaded manifest, or pushed explores. */
export type DbtConnection =
  | { type: 'dbt'; project_dir: string; profiles_dir?: string; target?: string }
  | { type: 'manifest'; target?: string }
  | { type: 'none'; target?: string };

/** Project: GET /api/v1/projects/{projectUuid} */
export type Project = {
  organizationUuid: string;
  projectUuid: string;
  name: string;
  type: 'DEFAULT' | 'PREVIEW';
  dbtConnection: DbtConnection;
  warehouseConnection?: PublicWarehouseConnection;
  dbtVersion: string;
  upstreamProjectUuid?: string;
  schedulerTimezone: string;
  createdByUserUuid: string | null;
};
/** CreateProject (POST /api/v1/org/projects) and the PATCH body (every part optional: what is left out is kept). */
export type CreateProjectInput = { name: string; type: 'DEFAULT'; dbtConnection: DbtConnection; warehouseConnection: Record<string, unknown> };
export type UpdateProjectInput = { name?: string; dbtConnection?: DbtConnection; warehouseConnection?: Record<string, unknown> };

export type ProjectGroupAccess = { projectUuid: string; groupUuid: string; role: ProjectRole };

/** UserWarehouseCredentials: /api/v1/user/warehouseCredentials (never the secret). */
export type UserWarehouseCredentials = {
  uuid: string;
  userUuid: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  credentials: { type: string; user?: string };
};
export type UserWarehouseCredentialsInput = { name: string; credentials: { type: string } & Record<string, unknown> };

/** RunSqlQuery: POST /api/v1/projects/{projectUuid}/sqlQuery */
export type SqlQueryResults = { rows: Record<string, unknown>[]; fields: Record<string, { type: string }> };
