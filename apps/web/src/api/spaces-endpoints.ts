import type { SpaceRole } from '@tessera/core';
import { apiGet, apiPost, apiRequest } from './api-client.js';

/** Spaces (ListSpacesInProject, CreateSpaceInProject, GetSpace, sharing), as the spec shapes them. */

export type UserRef = { userUuid: string; firstName: string; lastName: string };

/** SpaceShare: a user who can see the space, with their effective role there. */
export type SpaceShare = UserRef & {
  email: string;
  role: SpaceRole;
  hasDirectAccess: boolean;
  inheritedRole?: string;
  inheritedFrom?: 'organization' | 'project' | 'group' | 'space_group';
  projectRole?: string;
};

export type SpaceGroup = { groupUuid: string; groupName: string; spaceRole: SpaceRole };

type Pinned = { pinnedListUuid: string | null; pinnedListOrder: number | null };
type Viewed = { views: number; firstViewedAt: string | null };

/** SpaceSummary: ListSpacesInProject, and a Space's child spaces. */
export type SpaceSummary = Pinned & {
  uuid: string;
  organizationUuid: string;
  projectUuid: string;
  name: string;
  slug: string;
  isPrivate: boolean;
  chartCount: number;
  dashboardCount: number;
  access: string[];
  /** The signed-in user's role in the space (and where it comes from). */
  userAccess?: SpaceShare;
  parentSpaceUuid: string | null;
};

/** SpaceQuery: a chart in a space or a listing. */
export type SpaceQuery = Pinned &
  Viewed & {
    uuid: string;
    name: string;
    description?: string;
    spaceUuid: string;
    spaceName: string;
    projectUuid: string;
    organizationUuid: string;
    dashboardUuid: string | null;
    dashboardName: string | null;
    slug: string;
    chartKind: string;
    chartType: string;
    updatedAt: string;
    updatedByUser?: UserRef;
  };

/** A dashboard in a space (DashboardBasicDetails). */
export type SpaceDashboard = Pinned &
  Viewed & {
    uuid: string;
    name: string;
    description?: string;
    spaceUuid: string;
    projectUuid: string;
    organizationUuid: string;
    updatedAt: string;
    updatedByUser?: UserRef;
  };

/** Space: GetSpace. `access` is everyone who can see it, with their effective role. */
export type Space = Pinned & {
  uuid: string;
  organizationUuid: string;
  projectUuid: string;
  name: string;
  slug: string;
  isPrivate: boolean;
  queries: SpaceQuery[];
  dashboards: SpaceDashboard[];
  access: SpaceShare[];
  groupsAccess: SpaceGroup[];
  parentSpaceUuid: string | null;
  childSpaces: SpaceSummary[];
};

export type CreateSpace = { name: string; isPrivate?: boolean; parentSpaceUuid?: string | null };

const spaces = (projectUuid: string) => `/projects/${encodeURIComponent(projectUuid)}/spaces`;
const space = (projectUuid: string, spaceUuid: string) => `${spaces(projectUuid)}/${encodeURIComponent(spaceUuid)}`;

export const listSpaces = (projectUuid: string, signal?: AbortSignal) => apiGet<SpaceSummary[]>(spaces(projectUuid), signal);
export const getSpace = (projectUuid: string, spaceUuid: string, signal?: AbortSignal) => apiGet<Space>(space(projectUuid, spaceUuid), signal);
export const createSpace = (projectUuid: string, body: CreateSpace) => apiPost<Space>(spaces(projectUuid), body);
export const shareSpaceWithUser = (projectUuid: string, spaceUuid: string, userUuid: string, spaceRole: SpaceRole) =>
  apiPost<undefined>(`${space(projectUuid, spaceUuid)}/share`, { userUuid, spaceRole });
export const revokeSpaceUser = (projectUuid: string, spaceUuid: string, userUuid: string) =>
  apiRequest<undefined>('DELETE', `${space(projectUuid, spaceUuid)}/share/${encodeURIComponent(userUuid)}`);
export const shareSpaceWithGroup = (projectUuid: string, spaceUuid: string, groupUuid: string, spaceRole: SpaceRole) =>
  apiPost<undefined>(`${space(projectUuid, spaceUuid)}/group/share`, { groupUuid, spaceRole });
export const revokeSpaceGroup = (projectUuid: string, spaceUuid: string, groupUuid: string) =>
  apiRequest<undefined>('DELETE', `${space(projectUuid, spaceUuid)}/group/share/${encodeURIComponent(groupUuid)}`);

/** Who a space can be shared with: the organization's members and groups. */
export type OrganizationMember = { userUuid: string; email: string; firstName: string; lastName: string; role: string; isActive?: boolean };
export type OrganizationGroup = { uuid: string; name: string };

export const listOrganizationMembers = (signal?: AbortSignal) =>
  apiGet<{ data: OrganizationMember[] }>('/org/users?pageSize=1000', signal).then((page) => page.data);
export const listOrganizationGroups = (signal?: AbortSignal) =>
  apiGet<{ data: OrganizationGroup[] }>('/org/groups?pageSize=1000', signal).then((page) => page.data);

/** Moving a chart to another space: UpdateSavedChart with only `spaceUuid`. */
export const moveChart = (chartUuid: string, spaceUuid: string) => apiRequest<unknown>('PATCH', `/saved/${encodeURIComponent(chartUuid)}`, { body: { spaceUuid } });
