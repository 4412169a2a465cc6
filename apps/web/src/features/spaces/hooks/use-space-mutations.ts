import type { SpaceRole } from '@tessera/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createSpace,
  moveChart,
  revokeSpaceGroup,
  revokeSpaceUser,
  shareSpaceWithGroup,
  shareSpaceWithUser,
  type CreateSpace,
} from '../../../api/spaces-endpoints.js';
import { updateDashboard } from '../../../api/dashboards-endpoints.js';
import { spaceKeys } from './space-keys.js';

/** After any change to spaces or their content, every space, dashboard and home listing is asked again. */
const useRefreshContent = () => {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: spaceKeys.all }),
      client.invalidateQueries({ queryKey: ['dashboards'] }),
      client.invalidateQueries({ queryKey: ['home'] }),
    ]);
};

export const useCreateSpace = (projectUuid: string) => {
  const refresh = useRefreshContent();
  return useMutation({ mutationFn: (body: CreateSpace) => createSpace(projectUuid, body), onSuccess: refresh });
};

export type ShareTarget = { kind: 'user' | 'group'; uuid: string };

export const useShareSpace = (projectUuid: string, spaceUuid: string) => {
  const refresh = useRefreshContent();
  return useMutation({
    mutationFn: ({ target, role }: { target: ShareTarget; role: SpaceRole }) =>
      target.kind === 'user' ? shareSpaceWithUser(projectUuid, spaceUuid, target.uuid, role) : shareSpaceWithGroup(projectUuid, spaceUuid, target.uuid, role),
    onSuccess: refresh,
  });
};

export const useRevokeSpaceAccess = (projectUuid: string, spaceUuid: string) => {
  const refresh = useRefreshContent();
  return useMutation({
    mutationFn: (target: ShareTarget) =>
      target.kind === 'user' ? revokeSpaceUser(projectUuid, spaceUuid, target.uuid) : revokeSpaceGroup(projectUuid, spaceUuid, target.uuid),
    onSuccess: refresh,
  });
};

export type MoveItem = { kind: 'chart' | 'dashboard'; uuid: string };

/** Moves a chart (UpdateSavedChart) or a dashboard (updateDashboard) to another space. */
export const useMoveContent = () => {
  const refresh = useRefreshContent();
  return useMutation({
    mutationFn: ({ item, spaceUuid }: { item: MoveItem; spaceUuid: string }) =>
      item.kind === 'chart' ? moveChart(item.uuid, spaceUuid) : updateDashboard(item.uuid, { spaceUuid }),
    onSuccess: refresh,
  });
};
