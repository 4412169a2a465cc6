import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { setupErrorText } from '../../../api/error-text.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCompleteSetup } from '../hooks/use-session.js';
import { AuthCard } from './auth-card.js';

/**
 * First-admin setup through the one-time link the server prints at its first start
 * (`/setup?token=…`): creates the admin and the organization, then signs in.
 */
export const SetupPage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [form, setForm] = useState({ firstName: '', lastName: '', organizationName: '', email: '', password: '' });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });

  if (!token) {
    return (
      <AuthCard title="Set up Tessera">
        <Alert color="yellow" title="This link has no setup token">
          Open the one-time link that the server printed in its log when it started (it looks like
          /setup?token=…). If Tessera is already set up, <Link to="/login">sign in</Link> instead.
        </Alert>
      </AuthCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(
      { token, ...form, email: form.email.trim(), organizationName: form.organizationName.trim() },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };
  const complete = form.firstName.trim() && form.organizationName.trim() && form.email.trim() && form.password;

  return (
    <AuthCard title="Set up Tessera" subtitle="Create the first admin account and your organization.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {setup.isError && <ErrorAlert error={setup.error} describe={setupErrorText} />}
          <Group grow>
            <TextInput label="First name" required autoComplete="given-name" {...field('firstName')} autoFocus />
            <TextInput label="Last name" autoComplete="family-name" {...field('lastName')} />
          </Group>
          <TextInput label="Organization name" required autoComplete="organization" {...field('organizationName')} />
          <TextInput label="Email" type="email" required autoComplete="username" {...field('email')} />
          <PasswordInput
            label="Password"
            required
            autoComplete="new-password"
            description="At least 8 characters, with a letter and a number or a symbol."
            {...field('password')}
          />
          <Button type="submit" loading={setup.isPending} disabled={!complete}>
            Create admin account
          </Button>
          <Text size="xs" c="dimmed">
            The link works once and expires 24 hours after the server printed it.
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
};
