import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { OrganizationMember, UserAttribute } from '../../../api/settings-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSaveUserAttribute } from '../hooks/use-attributes.js';
import { attributeFormOf, attributeInputOf, attributeProblem, emptyAttributeForm, setUserValue } from '../utils/attribute-values.js';

type Props = { attribute: UserAttribute | undefined; members: OrganizationMember[]; onDone: () => void };

/**
 * Creates or edits a user attribute: name, description, default, and a value per user (an empty
 * value means the user has none and gets the default). Group values are kept as stored.
 */
export const AttributeEditor = ({ attribute, members, onDone }: Props) => {
  const [form, setForm] = useState(() => (attribute ? attributeFormOf(attribute) : emptyAttributeForm()));
  const [tried, setTried] = useState(false);
  const save = useSaveUserAttribute();
  const problem = attributeProblem(form);
  const valueOf = (userUuid: string) => form.users.find((u) => u.userUuid === userUuid)?.value ?? '';

  const submit = () => {
    setTried(true);
    if (problem) return;
    save.mutate({ uuid: attribute?.uuid, input: attributeInputOf(form) }, { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="md" aria-label="User attribute editor">
      <Stack gap="sm">
        <Title order={4}>{attribute ? `Edit ${attribute.name}` : 'New user attribute'}</Title>
        <Group align="flex-start" grow>
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={tried && problem} />
          <TextInput label="Description" value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} />
          <TextInput
            label="Default value"
            description="For users without their own value; empty for none"
            value={form.attributeDefault}
            onChange={(e) => setForm({ ...form, attributeDefault: e.currentTarget.value })}
          />
        </Group>
        <Text size="sm" fw={500}>Values per user</Text>
        <Table aria-label="Values per user">
          <Table.Tbody>
            {members.filter((m) => !m.isPending).map((m) => (
              <Table.Tr key={m.userUuid}>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Value for ${m.email}`}
                    placeholder={form.attributeDefault ? `default: ${form.attributeDefault}` : 'no value'}
                    value={valueOf(m.userUuid)}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setForm((f) => setUserValue(f, m.userUuid, value === '' ? undefined : value));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Save attribute
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
};
