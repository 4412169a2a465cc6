import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInviteLink, deleteMember, listMembers, revokeAllInviteLinks, updateMemberRole } from '../../../api/settings-endpoints.js';
import type { OrganizationRole } from '../../../api/settings-types.js';
import { settingsKeys } from './settings-keys.js';

/** Asked again on every settings page that shows it: an invite accepted elsewhere changes it. */
export const useMembers = () =>
  useQuery({ queryKey: settingsKeys.members, queryFn: ({ signal }) => listMembers(signal), select: (page) => page.data, staleTime: 0 });

const useMembersMutation = <A,>(fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.members }) });
};

export const useUpdateMemberRole = () => useMembersMutation(({ userUuid, role }: { userUuid: string; role: OrganizationRole }) => updateMemberRole(userUuid, role));
export const useDeleteMember = () => useMembersMutation(deleteMember);
export const useRevokeAllInvites = () => useMembersMutation(() => revokeAllInviteLinks());

/** An invite creates a pending member: the list shows it at once. The link is in the mutation's data. */
export const useCreateInvite = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: createInviteLink, onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.members }) });
};
