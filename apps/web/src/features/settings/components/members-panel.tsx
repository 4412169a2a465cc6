import { Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { OrganizationRole } from '@tessera/core';
import type { OrganizationMember } from '../../../api/settings-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { useDeleteMember, useMembers, useRevokeAllInvites, useUpdateMemberRole } from '../hooks/use-members.js';
import { ORGANIZATION_ROLE_OPTIONS } from '../utils/roles.js';
import { ConfirmButton } from './confirm-button.js';
import { InviteForm } from './invite-form.js';

const nameOf = (m: OrganizationMember) => [m.firstName, m.lastName].filter(Boolean).join(' ');

const Status = ({ member }: { member: OrganizationMember }) => {
  if (member.isPending) return <Badge color={member.isInviteExpired ? 'red' : 'yellow'}>{member.isInviteExpired ? 'Invite expired' : 'Invited'}</Badge>;
  return member.isActive ? <Badge color="green">Active</Badge> : <Badge color="gray">Deactivated</Badge>;
};

/** /generalSettings/userManagement (admins): members and their roles, invites. */
export const MembersPanel = ({ canInvite }: { canInvite: boolean }) => {
  const me = useUser().data?.userUuid;
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const remove = useDeleteMember();
  const revokeAll = useRevokeAllInvites();
  const hasPending = members.data?.some((m) => m.isPending) ?? false;

  return (
    <Stack gap="md">
      <Title order={3}>Users and invites</Title>
      {canInvite && <InviteForm />}
      {[updateRole, remove, revokeAll].map((m, i) => m.isError && <ErrorAlert key={i} error={m.error} />)}
      {members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : !members.data ? (
        <PageLoader label="Loading the members" />
      ) : (
        <Table striped aria-label="Organization members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Groups</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.userUuid} data-email={m.email}>
                <Table.Td>
                  <Text size="sm" fw={500}>{nameOf(m) || m.email}</Text>
                  {nameOf(m) && <Text size="xs" c="dimmed">{m.email}</Text>}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={170}
                    aria-label={`Role of ${m.email}`}
                    data={ORGANIZATION_ROLE_OPTIONS}
                    value={m.role}
                    allowDeselect={false}
                    disabled={updateRole.isPending}
                    onChange={(role) => role && role !== m.role && updateRole.mutate({ userUuid: m.userUuid, role: role as OrganizationRole })}
                  />
                </Table.Td>
                <Table.Td>
                  <Status member={m} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{m.groups?.map((g) => g.name).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {m.userUuid !== me && (
                    <ConfirmButton
                      label={m.isPending ? 'Revoke invite' : 'Remove'}
                      aria-label={`${m.isPending ? 'Revoke invite of' : 'Remove'} ${m.email}`}
                      question={m.isPending ? `Revoke the invite of ${m.email}? The link stops working.` : `Remove ${m.email} from the organization? Their account is deleted.`}
                      loading={remove.isPending && remove.variables === m.userUuid}
                      onConfirm={() => remove.mutate(m.userUuid)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canInvite && hasPending && (
        <Group>
          <ConfirmButton
            label="Revoke all invite links"
            variant="light"
            question="Revoke every outstanding invite link? Invited users stay listed and can be invited again."
            loading={revokeAll.isPending}
            onConfirm={() => revokeAll.mutate(undefined)}
          />
        </Group>
      )}
    </Stack>
  );
};
