import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useDeleteUserAttribute, useUserAttributes } from '../hooks/use-attributes.js';
import { useMembers } from '../hooks/use-members.js';
import { AttributeEditor } from './attribute-editor.js';
import { ConfirmButton } from './confirm-button.js';

/** Which attribute is being edited: none, a new one, or one by uuid. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; uuid: string };

/** /generalSettings/userAttributes (admins): attributes used by row-level filters and SQL. */
export const AttributesPanel = () => {
  const attributes = useUserAttributes();
  const members = useMembers();
  const remove = useDeleteUserAttribute();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const failed = attributes.isError ? attributes : members.isError ? members : undefined;

  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!attributes.data || !members.data) return <PageLoader label="Loading the user attributes" />;
  const edited = editing.kind === 'edit' ? attributes.data.find((a) => a.uuid === editing.uuid) : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={3}>User attributes</Title>
          <Text c="dimmed" size="sm">Values per user that models use to filter rows (e.g. a sales region).</Text>
        </div>
        {editing.kind === 'none' && <Button onClick={() => setEditing({ kind: 'new' })}>New attribute</Button>}
      </Group>
      {editing.kind !== 'none' && (
        <AttributeEditor key={edited?.uuid ?? 'new'} attribute={edited} members={members.data} onDone={() => setEditing({ kind: 'none' })} />
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {attributes.data.length === 0 ? (
        <Text c="dimmed">No user attributes yet.</Text>
      ) : (
        <Table striped aria-label="User attributes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Default</Table.Th>
              <Table.Th>Users with a value</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attributes.data.map((a) => (
              <Table.Tr key={a.uuid}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.description ?? ''}</Table.Td>
                <Table.Td>{a.attributeDefault ?? <Text span c="dimmed" size="sm">none</Text>}</Table.Td>
                <Table.Td>{a.users.length}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" aria-label={`Edit ${a.name}`} onClick={() => setEditing({ kind: 'edit', uuid: a.uuid })}>
                      Edit
                    </Button>
                    <ConfirmButton
                      label="Delete"
                      aria-label={`Delete ${a.name}`}
                      question={`Delete the attribute "${a.name}"? Filters that use it will match no rows.`}
                      loading={remove.isPending && remove.variables === a.uuid}
                      onConfirm={() => remove.mutate(a.uuid)}
                    />
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
