import { Stack, Table, Text, Title } from '@mantine/core';
import { useUser } from '../../auth/hooks/use-session.js';
import { roleLabel } from '../utils/roles.js';

/**
 * The signed-in user's profile. API v1 here has no operation to change one's name, email or
 * password yet, so it is shown, not edited.
 */
export const ProfilePanel = () => {
  const user = useUser().data;
  if (!user) return null;
  const rows: [string, string][] = [
    ['Name', [user.firstName, user.lastName].filter(Boolean).join(' ') || '—'],
    ['Email', user.email ?? '—'],
    ['Organization', user.organizationName ?? '—'],
    ['Role', user.role ? roleLabel(user.role) : '—'],
  ];
  return (
    <Stack gap="md">
      <Title order={3}>Profile</Title>
      <Table variant="vertical" withTableBorder maw={560}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        Changing your name, email or password is not available in this version of Tessera. Ask an admin if one of them is wrong.
      </Text>
    </Stack>
  );
};
