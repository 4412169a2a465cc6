import { Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useDeleteToken, useTokens } from '../hooks/use-tokens.js';
import { expiryLabel } from '../utils/token-expiry.js';
import { ConfirmButton } from '../../settings/components/confirm-button.js';
import { NewTokenForm } from './new-token-form.js';

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/** My personal access tokens (/generalSettings/personalAccessTokens): list, create, revoke. */
export const TokensPage = () => {
  const tokens = useTokens();
  const remove = useDeleteToken();
  const now = new Date();
  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Personal access tokens</Title>
        <Text c="dimmed" size="sm">
          Tokens let scripts and the CLI call the API as you. Revoke a token you no longer use.
        </Text>
      </div>
      <NewTokenForm />
      {remove.isError && <ErrorAlert error={remove.error} />}
      {tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : !tokens.data ? (
        <PageLoader label="Loading your tokens" />
      ) : tokens.data.length === 0 ? (
        <Text c="dimmed">You have no personal access tokens.</Text>
      ) : (
        <Table striped aria-label="Personal access tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Description</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.uuid}>
                <Table.Td>{t.description}</Table.Td>
                <Table.Td>{date(t.createdAt)}</Table.Td>
                <Table.Td>{expiryLabel(t.expiresAt, now)}</Table.Td>
                <Table.Td>{date(t.lastUsedAt)}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    label="Revoke"
                    aria-label={`Revoke ${t.description}`}
                    question={`Revoke the token "${t.description}"? Scripts using it stop working at once.`}
                    loading={remove.isPending && remove.variables === t.uuid}
                    onConfirm={() => remove.mutate(t.uuid)}
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
