import { Badge, Button, CloseButton, Group as Row, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Group, OrganizationMember } from '../../../api/settings-types.js';
import { useAddGroupMember, useDeleteGroup, useRemoveGroupMember, useRenameGroup } from '../hooks/use-groups.js';
import { ConfirmButton } from './confirm-button.js';
import { ErrorAlert } from '../../../components/error-alert.js';

/** One group: rename, add and remove members, delete. */
export const GroupCard = ({ group, members }: { group: Group; members: OrganizationMember[] }) => {
  const [name, setName] = useState(group.name);
  const rename = useRenameGroup();
  const remove = useDeleteGroup();
  const addMember = useAddGroupMember();
  const removeMember = useRemoveGroupMember();
  const inGroup = new Set(group.memberUuids ?? group.members?.map((m) => m.userUuid) ?? []);
  const candidates = members.filter((m) => !inGroup.has(m.userUuid) && !m.isPending);
  const failed = [rename, remove, addMember, removeMember].find((m) => m.isError);

  return (
    <Paper withBorder p="md" data-group={group.name}>
      <Stack gap="sm">
        <Row align="flex-end">
          <TextInput label="Group name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          <Button
            variant="light"
            disabled={!name.trim() || name.trim() === group.name}
            loading={rename.isPending}
            onClick={() => rename.mutate({ groupUuid: group.uuid, name: name.trim() })}
          >
            Rename
          </Button>
          <ConfirmButton
            label="Delete group"
            ml="auto"
            question={`Delete the group "${group.name}"? Its members keep their accounts; access given through the group ends.`}
            loading={remove.isPending}
            onConfirm={() => remove.mutate(group.uuid)}
          />
        </Row>
        {failed?.error && <ErrorAlert error={failed.error} />}
        <Row gap="xs">
          {(group.members ?? []).length === 0 && <Text size="sm" c="dimmed">No members yet.</Text>}
          {(group.members ?? []).map((m) => (
            <Badge
              key={m.userUuid}
              variant="light"
              tt="none"
              pr={3}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={`Remove ${m.email} from ${group.name}`}
                  onClick={() => removeMember.mutate({ groupUuid: group.uuid, userUuid: m.userUuid })}
                />
              }
            >
              {[m.firstName, m.lastName].filter(Boolean).join(' ') || m.email}
            </Badge>
          ))}
        </Row>
        <Select
          aria-label={`Add a member to ${group.name}`}
          placeholder={candidates.length ? 'Add a member…' : 'Every member is in this group'}
          data={candidates.map((m) => ({ value: m.userUuid, label: m.email }))}
          value={null}
          onChange={(userUuid) => userUuid && addMember.mutate({ groupUuid: group.uuid, userUuid })}
          disabled={candidates.length === 0 || addMember.isPending}
          searchable
          w={320}
        />
      </Stack>
    </Paper>
  );
};
