import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { signInErrorText } from '../../../api/error-text.js';
import { MARKS, mark } from '../../../app/performance-marks.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useHealth, useSignIn } from '../hooks/use-session.js';
import { nextPath } from '../utils/next-path.js';
import { AuthCard } from './auth-card.js';

/** Starts loading the explore page's code while the sign-in request is on its way. */
const prefetchExplorePage = () => void import('../../explore/components/explore-page.js');

export const SignInPage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const health = useHealth();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = nextPath(location.search);

  if (health.data?.isAuthenticated && !signIn.isSuccess) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mark(MARKS.signInSubmitted);
    prefetchExplorePage();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <AuthCard title="Sign in to Tessera">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {signIn.isError && <ErrorAlert error={signIn.error} describe={signInErrorText} />}
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={signIn.isPending} disabled={!email.trim() || !password}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
};
