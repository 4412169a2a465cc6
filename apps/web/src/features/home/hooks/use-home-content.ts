import { useQuery } from '@tanstack/react-query';
import { getMostPopularAndRecentlyUpdated, getPinnedItems, getProjectDetails } from '../../../api/content-endpoints.js';

export const homeKeys = {
  project: (projectUuid: string) => ['home', 'project', projectUuid] as const,
  pinned: (projectUuid: string, pinnedListUuid: string) => ['home', 'pinned', projectUuid, pinnedListUuid] as const,
  listing: (projectUuid: string) => ['home', 'listing', projectUuid] as const,
};

/**
 * The project's pinned items: none to ask for until something is pinned (`pinnedListUuid` appears).
 * Home content changes on every other page, so each query here asks again when home opens (`staleTime: 0`).
 */
export const usePinnedItems = (projectUuid: string) => {
  const project = useQuery({ queryKey: homeKeys.project(projectUuid), queryFn: ({ signal }) => getProjectDetails(projectUuid, signal), staleTime: 0 });
  const listUuid = project.data?.pinnedListUuid;
  const items = useQuery({
    queryKey: homeKeys.pinned(projectUuid, listUuid ?? ''),
    queryFn: ({ signal }) => getPinnedItems(projectUuid, listUuid ?? '', signal),
    enabled: listUuid !== undefined,
    staleTime: 0,
  });
  return { project, items, hasList: listUuid !== undefined };
};

export const useContentListing = (projectUuid: string) =>
  useQuery({ queryKey: homeKeys.listing(projectUuid), queryFn: ({ signal }) => getMostPopularAndRecentlyUpdated(projectUuid, signal), staleTime: 0 });
