import { Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { ConfirmButton } from '../../settings/components/confirm-button.js';
import { useDeleteLookerCredentials, useLookerCredentials } from '../hooks/use-looker-credentials.js';
import { NewLookerCredentials } from './new-looker-credentials.js';

const date = (iso: string) => new Date(iso).toLocaleDateString();

/** My Looker API3 credentials (/generalSettings/lookerApiCredentials): list, create, delete. */
export const LookerCredentialsPage = () => {
  const user = useUser();
  const userUuid = user.data?.userUuid;
  const credentials = useLookerCredentials(userUuid);
  const remove = useDeleteLookerCredentials(userUuid);
  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Looker API credentials</Title>
        <Text c="dimmed" size="sm">
          Clients written for the Looker API 3.x (such as the official Looker SDK) sign in with a client ID and secret and then work with
          your dashboards as you. To sign in, send <Code>POST /api/3.1/login</Code> with <Code>client_id</Code> and <Code>client_secret</Code>{' '}
          (form-encoded) and use the <Code>access_token</Code> it returns as the header <Code>Authorization: token &lt;access_token&gt;</Code>.
          Access tokens last an hour. Delete credentials you no longer use.
        </Text>
      </div>
      <NewLookerCredentials userUuid={userUuid} />
      {remove.isError && <ErrorAlert error={remove.error} />}
      {user.isError ? (
        <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
      ) : credentials.isError ? (
        <ErrorAlert error={credentials.error} onRetry={() => void credentials.refetch()} />
      ) : !credentials.data ? (
        <Group gap="xs" aria-busy="true">
          <Loader size="xs" />
          <Text c="dimmed">Loading your Looker API credentials…</Text>
        </Group>
      ) : credentials.data.length === 0 ? (
        <Text c="dimmed">You have no Looker API credentials.</Text>
      ) : (
        <Table striped aria-label="Looker API credentials">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Client ID</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {credentials.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Code>{c.client_id}</Code>
                </Table.Td>
                <Table.Td>{date(c.created_at)}</Table.Td>
                <Table.Td>{c.is_disabled ? 'Disabled' : 'Enabled'}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    label="Delete"
                    aria-label={`Delete credentials ${c.client_id}`}
                    question={`Delete the credentials ${c.client_id}? Clients using them can no longer sign in.`}
                    loading={remove.isPending && remove.variables === c.id}
                    onConfirm={() => remove.mutate(c.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
