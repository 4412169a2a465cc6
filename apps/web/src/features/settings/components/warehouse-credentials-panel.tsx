import { Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserWarehouseCredentials } from '../../../api/settings-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useDeleteWarehouseCredentials, useSaveWarehouseCredentials, useWarehouseCredentials } from '../hooks/use-warehouse-credentials.js';
import { CREDENTIAL_TYPES, credentialsBody, credentialsFormOf, secretKind } from '../utils/credentials-form.js';
import { ConfirmButton } from './confirm-button.js';

const CredentialsEditor = ({ editing, onDone }: { editing: UserWarehouseCredentials | undefined; onDone: () => void }) => {
  const [form, setForm] = useState(() => credentialsFormOf(editing));
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveWarehouseCredentials();
  const kind = secretKind(form.type);
  const kept = editing?.credentials.type === form.type ? 'Saved — leave empty to keep it' : undefined;
  const submit = () => {
    const { body, problems: found } = credentialsBody(form, editing);
    setProblems(found);
    if (found.length === 0) save.mutate({ uuid: editing?.uuid, input: body }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <Select label="Warehouse type" data={[...CREDENTIAL_TYPES]} value={form.type} allowDeselect={false} onChange={(v) => v && setForm({ ...form, type: v, secret: '' })} />
        </Group>
        <Group grow align="flex-start">
          {kind === 'password' && <TextInput label="User" required value={form.user} onChange={(e) => setForm({ ...form, user: e.currentTarget.value })} />}
          {kind === 'keyfile' ? (
            <Textarea label="Service account key file (JSON)" placeholder={kept} autosize minRows={3} value={form.secret} onChange={(e) => setForm({ ...form, secret: e.currentTarget.value })} />
          ) : (
            <PasswordInput
              label={kind === 'token' ? 'Personal access token' : 'Password'}
              placeholder={kept}
              autoComplete="new-password"
              value={form.secret}
              onChange={(e) => setForm({ ...form, secret: e.currentTarget.value })}
            />
          )}
        </Group>
        {problems.map((p) => (
          <Text key={p} c="red" size="sm">{p}</Text>
        ))}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button onClick={submit} loading={save.isPending}>Save credentials</Button>
        </Group>
      </Stack>
    </Paper>
  );
};

/**
 * /generalSettings/myWarehouseConnections: the logins Tessera uses for me on projects that ask
 * each user for their own warehouse credentials.
 */
export const WarehouseCredentialsPanel = () => {
  const credentials = useWarehouseCredentials();
  const remove = useDeleteWarehouseCredentials();
  const [editing, setEditing] = useState<'none' | 'new' | string>('none');
  if (credentials.isError) return <ErrorAlert error={credentials.error} onRetry={() => void credentials.refetch()} />;
  if (!credentials.data) return <PageLoader label="Loading your warehouse credentials" />;
  const edited = credentials.data.find((c) => c.uuid === editing);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={3}>My warehouse credentials</Title>
          <Text c="dimmed" size="sm">Used on projects that run queries with each user's own warehouse login.</Text>
        </div>
        {editing === 'none' && <Button onClick={() => setEditing('new')}>Add credentials</Button>}
      </Group>
      {editing !== 'none' && <CredentialsEditor key={editing} editing={edited} onDone={() => setEditing('none')} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {credentials.data.length === 0 ? (
        <Text c="dimmed">You have no warehouse credentials saved.</Text>
      ) : (
        <Table striped aria-label="My warehouse credentials">
          <Table.Tbody>
            {credentials.data.map((c) => (
              <Table.Tr key={c.uuid}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{CREDENTIAL_TYPES.find((t) => t.value === c.credentials.type)?.label ?? c.credentials.type}</Table.Td>
                <Table.Td>{c.credentials.user ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(c.uuid)}>Edit</Button>
                    <ConfirmButton label="Delete" aria-label={`Delete ${c.name}`} question={`Delete the credentials "${c.name}"?`} onConfirm={() => remove.mutate(c.uuid)} loading={remove.isPending && remove.variables === c.uuid} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
