import { Alert, Button, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCreateLookerCredentials } from '../hooks/use-looker-credentials.js';
import { SecretLine } from './secret-line.js';

/**
 * Creates API3 credentials and shows the client id and secret once, with copy buttons. The secret
 * lives only in this mutation's result: leaving the page forgets it, and the server cannot show it again.
 */
export const NewLookerCredentials = ({ userUuid }: { userUuid: string | undefined }) => {
  const create = useCreateLookerCredentials(userUuid);
  return (
    <Stack gap="sm">
      <Button w="fit-content" onClick={() => create.mutate()} loading={create.isPending} disabled={!userUuid}>
        Create API credentials
      </Button>
      {create.isError && <ErrorAlert error={create.error} />}
      {create.data && (
        <Alert color="green" title="Your new Looker API credentials" data-testid="new-looker-credentials">
          <Stack gap="xs">
            <Text size="sm">Copy the secret now: it is shown only this once. If you lose it, delete these credentials and create new ones.</Text>
            <SecretLine label="Client ID" value={create.data.client_id} testId="new-looker-client-id" />
            <SecretLine label="Client secret" value={create.data.client_secret} testId="new-looker-client-secret" />
            <Button size="xs" variant="subtle" w="fit-content" onClick={() => create.reset()}>
              Done, hide it
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
};
