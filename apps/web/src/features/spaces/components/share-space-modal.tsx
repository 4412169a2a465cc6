import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { SPACE_ROLES, type SpaceRole } from '@tessera/core';
import { useState } from 'react';
import type { Space } from '../../../api/spaces-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useShareCandidates } from '../hooks/use-spaces.js';
import { useRevokeSpaceAccess, useShareSpace, type ShareTarget } from '../hooks/use-space-mutations.js';
import { spaceRoleLabel } from './space-badges.js';

const roleOptions = SPACE_ROLES.map((r) => ({ value: r, label: spaceRoleLabel(r) }));
const fullName = (u: { firstName: string; lastName: string; email?: string }) => [u.firstName, u.lastName].filter(Boolean).join(' ') || (u.email ?? '');

/**
 * Share a root space with users and groups at a space role, and revoke direct shares. Shown to
 * those who may manage the space; the server checks again.
 */
export const ShareSpaceModal = ({ space, opened, onClose }: { space: Space; opened: boolean; onClose: () => void }) => {
  const { members, groups } = useShareCandidates(opened);
  const share = useShareSpace(space.projectUuid, space.uuid);
  const revoke = useRevokeSpaceAccess(space.projectUuid, space.uuid);
  const [kind, setKind] = useState<ShareTarget['kind']>('user');
  const [who, setWho] = useState<string | null>(null);
  const [role, setRole] = useState<SpaceRole>('viewer');

  const candidates =
    kind === 'user'
      ? (members.data ?? []).map((m) => ({ value: m.userUuid, label: `${fullName(m)} (${m.email})` }))
      : (groups.data ?? []).map((g) => ({ value: g.uuid, label: g.name }));
  const failed = share.error ?? revoke.error ?? members.error ?? groups.error;

  return (
    <Modal opened={opened} onClose={onClose} title={`Share “${space.name}”`} size="lg">
      <Stack>
        <Group align="flex-end" wrap="nowrap">
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as ShareTarget['kind']);
              setWho(null);
            }}
            data={[
              { value: 'user', label: 'User' },
              { value: 'group', label: 'Group' },
            ]}
          />
          <Select
            flex={1}
            label={kind === 'user' ? 'User' : 'Group'}
            placeholder={kind === 'user' ? 'Choose a member of the organization' : 'Choose a group'}
            searchable
            data={candidates}
            value={who}
            onChange={setWho}
            nothingFoundMessage={kind === 'user' ? 'No such member' : 'No groups yet'}
          />
          <Select label="Role" w={140} data={roleOptions} value={role} onChange={(v) => v && setRole(v as SpaceRole)} allowDeselect={false} />
          <Button
            disabled={!who}
            loading={share.isPending}
            onClick={() => who && share.mutate({ target: { kind, uuid: who }, role }, { onSuccess: () => setWho(null) })}
          >
            Share
          </Button>
        </Group>
        {failed && <ErrorAlert error={failed} />}
        <Title order={5}>Who can see it</Title>
        <Table aria-label="Space access">
          <Table.Tbody>
            {space.access.map((a) => (
              <Table.Tr key={a.userUuid}>
                <Table.Td>
                  <Text size="sm">{fullName(a)}</Text>
                  <Text size="xs" c="dimmed">
                    {a.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{spaceRoleLabel(a.role)}</Text>
                  {!a.hasDirectAccess && (
                    <Text size="xs" c="dimmed">
                      through {a.inheritedFrom ?? 'their role'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {a.hasDirectAccess && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove access of ${fullName(a)}`} onClick={() => revoke.mutate({ kind: 'user', uuid: a.userUuid })}>
                      ✕
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {space.groupsAccess.map((g) => (
              <Table.Tr key={g.groupUuid}>
                <Table.Td>
                  <Text size="sm">Group: {g.groupName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{spaceRoleLabel(g.spaceRole)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove access of group ${g.groupName}`} onClick={() => revoke.mutate({ kind: 'group', uuid: g.groupUuid })}>
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
};
