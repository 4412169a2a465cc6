import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/api-error.js';
import { errorText, type ErrorText } from '../../../api/error-text.js';
import { getInviteLink } from '../../../api/settings-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useAcceptInvite } from '../hooks/use-session.js';
import { AuthCard } from './auth-card.js';

/** An unknown (404) or expired (406) code is about the link itself. */
const inviteErrorText = (error: unknown): ErrorText =>
  isApiError(error) && (error.statusCode === 404 || error.statusCode === 406)
    ? { title: 'This invite link cannot be used', message: `${error.message.replace(/\.?$/, '.')} Ask an admin of the organization for a new invite.` }
    : errorText(error);

/**
 * /invite/:inviteCode: shows whom the invite is for, asks for a name and a password, creates the
 * account (POST /api/v1/user with the code) and signs in.
 */
export const InvitePage = () => {
  const inviteCode = useParams().inviteCode ?? '';
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  // Accepting spends the code and starts a session (which clears the cache): the look-up must not run again then.
  const invite = useQuery({
    queryKey: ['invite', inviteCode],
    queryFn: ({ signal }) => getInviteLink(inviteCode, signal),
    enabled: accept.isIdle || accept.isError,
    retry: false,
    staleTime: Infinity,
  });
  const [form, setForm] = useState({ firstName: '', lastName: '', password: '' });

  if (invite.isError) {
    return (
      <AuthCard title="Join Tessera">
        <ErrorAlert error={invite.error} describe={inviteErrorText} />
        <Anchor component={Link} to="/login" size="sm">
          Go to the sign-in page
        </Anchor>
      </AuthCard>
    );
  }
  if (!invite.data) return <PageLoader label="Loading the invite" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ inviteCode, firstName: form.firstName.trim(), lastName: form.lastName.trim(), password: form.password }, { onSuccess: () => void navigate('/', { replace: true }) });
  };
  const set = (name: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [name]: value }));
  };

  return (
    <AuthCard title="Join Tessera" subtitle="You were invited to an organization. Choose your name and a password.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {accept.isError && <ErrorAlert error={accept.error} describe={inviteErrorText} />}
          <Alert color="blue" p="xs">
            Invite for <strong data-testid="invite-email">{invite.data.email}</strong>
          </Alert>
          <Group grow>
            <TextInput label="First name" required autoComplete="given-name" value={form.firstName} onChange={set('firstName')} autoFocus />
            <TextInput label="Last name" autoComplete="family-name" value={form.lastName} onChange={set('lastName')} />
          </Group>
          <PasswordInput
            label="Password"
            required
            autoComplete="new-password"
            description="At least 8 characters, with a letter and a number or a symbol."
            value={form.password}
            onChange={set('password')}
          />
          <Button type="submit" loading={accept.isPending} disabled={!form.firstName.trim() || !form.password}>
            Create account and sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
};
