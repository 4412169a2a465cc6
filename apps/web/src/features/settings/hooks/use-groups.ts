import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addGroupMember, createGroup, deleteGroup, listGroups, removeGroupMember, renameGroup } from '../../../api/settings-endpoints.js';
import { settingsKeys } from './settings-keys.js';

export const useGroups = () => useQuery({ queryKey: settingsKeys.groups, queryFn: ({ signal }) => listGroups(signal), select: (page) => page.data });

/** Every group change refreshes the groups and the members (whose rows list their groups). */
const useGroupMutation = <A,>(fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: settingsKeys.groups });
      await client.invalidateQueries({ queryKey: settingsKeys.members });
    },
  });
};

export const useCreateGroup = () => useGroupMutation(createGroup);
export const useRenameGroup = () => useGroupMutation(({ groupUuid, name }: { groupUuid: string; name: string }) => renameGroup(groupUuid, name));
export const useDeleteGroup = () => useGroupMutation(deleteGroup);
export const useAddGroupMember = () => useGroupMutation(({ groupUuid, userUuid }: { groupUuid: string; userUuid: string }) => addGroupMember(groupUuid, userUuid));
export const useRemoveGroupMember = () =>
  useGroupMutation(({ groupUuid, userUuid }: { groupUuid: string; userUuid: string }) => removeGroupMember(groupUuid, userUuid));
