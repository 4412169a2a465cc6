import { Center } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useHealth, useUser } from '../hooks/use-session.js';

/** Signed-in routes: a signed-out visitor goes to /login, and comes back here after signing in. */
export const RequireSession = () => {
  const location = useLocation();
  const health = useHealth();
  const user = useUser();
  if (health.isError || user.isError) {
    return (
      <Center h="60vh" px="md">
        <ErrorAlert error={health.error ?? user.error} onRetry={() => void (health.isError ? health.refetch() : user.refetch())} />
      </Center>
    );
  }
  if (health.data && !health.data.isAuthenticated) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!user.data) return <PageLoader label="Loading your session" />;
  return <Outlet />;
};
