import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCreateToken } from '../hooks/use-tokens.js';
import { EXPIRY_OPTIONS, expiresAtFor, type ExpiryOption } from '../utils/token-expiry.js';

/**
 * Creates a token and shows its secret once, with a copy button. The secret lives only in this
 * mutation's result: leaving the page forgets it, and the server cannot show it again.
 */
export const NewTokenForm = () => {
  const create = useCreateToken();
  const [description, setDescription] = useState('');
  const [expiry, setExpiry] = useState<ExpiryOption>('30');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ description: description.trim(), expiresAt: expiresAtFor(expiry, new Date()) }, { onSuccess: () => setDescription('') });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <TextInput label="What is this token for?" placeholder="e.g. CLI on my laptop" value={description} onChange={(e) => setDescription(e.currentTarget.value)} w={320} />
          <Select
            label="Expires after"
            data={EXPIRY_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
            value={expiry}
            onChange={(v) => v && setExpiry(v as ExpiryOption)}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit" loading={create.isPending} disabled={!description.trim()}>
            Generate token
          </Button>
        </Group>
      </form>
      {create.isError && <ErrorAlert error={create.error} />}
      {create.data && (
        <Alert color="green" title="Your new token" data-testid="new-token">
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only once. Use it as the header Authorization: ApiKey &lt;token&gt;.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="new-token-secret" style={{ wordBreak: 'break-all' }}>
                {create.data.token}
              </Code>
              <CopyButton value={create.data.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button size="xs" variant="subtle" w="fit-content" onClick={() => create.reset()}>
              Done, hide it
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
};
