import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ProjectRole } from '@tessera/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useGroups } from '../hooks/use-groups.js';
import { useProjectGroupAccess, useRemoveProjectGroupAccess, useSetProjectGroupAccess } from '../hooks/use-project-settings.js';
import { PROJECT_ROLE_OPTIONS, roleLabel } from '../utils/roles.js';
import { ConfirmButton } from './confirm-button.js';

/** The groups with a role in a project: listed for everyone who sees the project, changed by its admins. */
export const ProjectGroupAccess = ({ projectUuid, canManage }: { projectUuid: string; canManage: boolean }) => {
  const grants = useProjectGroupAccess(projectUuid);
  const groups = useGroups();
  const set = useSetProjectGroupAccess(projectUuid);
  const remove = useRemoveProjectGroupAccess(projectUuid);
  const [groupUuid, setGroupUuid] = useState<string | null>(null);
  const [role, setRole] = useState<ProjectRole>('viewer');
  if (grants.isError) return <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />;
  const granted = new Set((grants.data ?? []).map((g) => g.groupUuid));
  const groupName = (uuid: string) => groups.data?.find((g) => g.uuid === uuid)?.name ?? 'A deleted group';
  const candidates = (groups.data ?? []).filter((g) => !granted.has(g.uuid)).map((g) => ({ value: g.uuid, label: g.name }));
  const failed = [set, remove].find((m) => m.isError);

  return (
    <Stack gap="sm">
      <Title order={5}>Groups with access</Title>
      {canManage && candidates.length > 0 && (
        <Group align="flex-end">
          <Select label="Give a group access" placeholder="Choose a group" data={candidates} value={groupUuid} onChange={setGroupUuid} searchable w={300} />
          <Select label="Group's project role" data={PROJECT_ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as ProjectRole)} allowDeselect={false} w={200} />
          <Button disabled={!groupUuid} loading={set.isPending} onClick={() => groupUuid && set.mutate({ groupUuid, role, existing: false }, { onSuccess: () => setGroupUuid(null) })}>
            Grant group access
          </Button>
        </Group>
      )}
      {failed?.error && <ErrorAlert error={failed.error} />}
      {grants.data?.length === 0 && <Text size="sm" c="dimmed">No group has a role in this project.</Text>}
      {grants.data && grants.data.length > 0 && (
        <Table aria-label="Project groups">
          <Table.Tbody>
            {grants.data.map((g) => (
              <Table.Tr key={g.groupUuid}>
                <Table.Td>{groupName(g.groupUuid)}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select
                      size="xs"
                      w={180}
                      aria-label={`Project role of the group ${groupName(g.groupUuid)}`}
                      data={PROJECT_ROLE_OPTIONS}
                      value={g.role}
                      allowDeselect={false}
                      onChange={(r) => r && r !== g.role && set.mutate({ groupUuid: g.groupUuid, role: r as ProjectRole, existing: true })}
                    />
                  ) : (
                    roleLabel(g.role)
                  )}
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <ConfirmButton
                      label="Revoke"
                      aria-label={`Revoke access of the group ${groupName(g.groupUuid)}`}
                      question={`Remove the group ${groupName(g.groupUuid)}'s role in this project?`}
                      loading={remove.isPending && remove.variables === g.groupUuid}
                      onConfirm={() => remove.mutate(g.groupUuid)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
