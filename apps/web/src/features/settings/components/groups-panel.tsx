import { Button, Group as Row, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCreateGroup, useGroups } from '../hooks/use-groups.js';
import { useMembers } from '../hooks/use-members.js';
import { GroupCard } from './group-card.js';

/** /generalSettings/groups (admins): create, rename, change members, delete. */
export const GroupsPanel = () => {
  const groups = useGroups();
  const members = useMembers();
  const create = useCreateGroup();
  const [name, setName] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const failed = groups.isError ? groups : members.isError ? members : undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Groups</Title>
        <Text c="dimmed" size="sm">Give several people the same access at once: share spaces and projects with a group.</Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Row align="flex-end">
          <TextInput label="New group" placeholder="e.g. Finance" value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Create group
          </Button>
        </Row>
      </form>
      {create.isError && <ErrorAlert error={create.error} />}
      {failed ? (
        <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !groups.data || !members.data ? (
        <PageLoader label="Loading the groups" />
      ) : groups.data.length === 0 ? (
        <Text c="dimmed">No groups yet.</Text>
      ) : (
        groups.data.map((g) => <GroupCard key={g.uuid} group={g} members={members.data} />)
      )}
    </Stack>
  );
};
