import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { OrganizationRole } from '@tessera/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCreateInvite } from '../hooks/use-members.js';
import { ORGANIZATION_ROLE_OPTIONS } from '../utils/roles.js';

const INVITE_DAYS = 7;

/** Invites an email with a role: the server mails the link (when mail is set up) and returns it to copy. */
export const InviteForm = () => {
  const invite = useCreateInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganizationRole>('viewer');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000).toISOString();
    invite.mutate({ email: email.trim(), role, expiresAt }, { onSuccess: () => setEmail('') });
  };

  // The link on this site's own address (what the admin uses); the mailed one uses the server's TESSERA_SITE_URL.
  const link = invite.data ? `${window.location.origin}/invite/${encodeURIComponent(invite.data.inviteCode)}` : '';

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <TextInput label="Invite by email" type="email" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={300} />
          <Select label="Role" aria-label="Invite role" data={ORGANIZATION_ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as OrganizationRole)} allowDeselect={false} w={200} />
          <Button type="submit" loading={invite.isPending} disabled={!email.includes('@')}>
            Create invite link
          </Button>
        </Group>
      </form>
      {invite.isError && <ErrorAlert error={invite.error} />}
      {invite.data && (
        <Alert color="green" title={`Invite link for ${invite.data.email}`} data-testid="invite-link">
          <Stack gap="xs">
            <Text size="sm">Send this link to them. It works once and expires on {new Date(invite.data.expiresAt).toLocaleDateString()}.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="invite-url" style={{ wordBreak: 'break-all' }}>
                {link}
              </Code>
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
};
