import { useQuery } from '@tanstack/react-query';
import { getSpace, listOrganizationGroups, listOrganizationMembers, listSpaces } from '../../../api/spaces-endpoints.js';
import { spaceKeys } from './space-keys.js';

/**
 * Spaces and their content change through other pages too (saving a chart makes a space): each
 * page that shows them asks again when it opens (`staleTime: 0`), showing the cached answer meanwhile.
 */
export const useSpaces = (projectUuid: string) =>
  useQuery({ queryKey: spaceKeys.list(projectUuid), queryFn: ({ signal }) => listSpaces(projectUuid, signal), staleTime: 0 });

export const useSpace = (projectUuid: string, spaceUuid: string) =>
  useQuery({ queryKey: spaceKeys.one(projectUuid, spaceUuid), queryFn: ({ signal }) => getSpace(projectUuid, spaceUuid, signal), staleTime: 0 });

/** Who a space can be shared with (asked only while the share dialog is open). */
export const useShareCandidates = (enabled: boolean) => {
  const members = useQuery({ queryKey: spaceKeys.members, queryFn: ({ signal }) => listOrganizationMembers(signal), enabled, staleTime: 60_000 });
  const groups = useQuery({ queryKey: spaceKeys.groups, queryFn: ({ signal }) => listOrganizationGroups(signal), enabled, staleTime: 60_000 });
  return { members, groups };
};
