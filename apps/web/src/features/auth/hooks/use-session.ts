import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { completeSetup, getHealth, getUser, login, logout } from '../../../api/endpoints.js';
import { acceptInvite } from '../../../api/settings-endpoints.js';
import type { Health, LightdashUser } from '../../../api/types.js';
import { isUserData, sessionKeys } from './session-keys.js';

/**
 * Whether the browser is signed in comes from GET /health (`isAuthenticated`), which answers 200
 * either way — so a signed-out visit makes no failing request — and the user from GET /user.
 */
export const useHealth = () => useQuery({ queryKey: sessionKeys.health, queryFn: ({ signal }) => getHealth(signal), staleTime: 60_000 });

export const useUser = () => {
  const health = useHealth();
  return useQuery({
    queryKey: sessionKeys.user,
    queryFn: ({ signal }) => getUser(signal),
    enabled: health.data?.isAuthenticated === true,
    staleTime: 5 * 60_000,
  });
};

/** A new session starts from an empty cache: nothing of the previous user's may show. */
const useStartSession = () => {
  const client = useQueryClient();
  return (user: LightdashUser) => {
    client.removeQueries({ predicate: isUserData });
    client.setQueryData<Health>(sessionKeys.health, (h) => ({ healthy: true, version: h?.version ?? '', isAuthenticated: true }));
    client.setQueryData(sessionKeys.user, user);
  };
};

export const useSignIn = () => {
  const start = useStartSession();
  return useMutation({ mutationFn: login, onSuccess: start });
};

export const useCompleteSetup = () => {
  const start = useStartSession();
  return useMutation({ mutationFn: completeSetup, onSuccess: start });
};

/** Accepting an invite creates the account and signs it in (POST /api/v1/user sets the cookie). */
export const useAcceptInvite = () => {
  const start = useStartSession();
  return useMutation({ mutationFn: acceptInvite, onSuccess: start });
};

/**
 * Ends the session on the server and marks the browser signed out, which sends the signed-in
 * pages to /login. Their cached answers are dropped when the next session starts (dropping them
 * now, while those pages are still mounted, would make them ask again — and get 401s).
 */
export const useSignOut = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      void client.cancelQueries({ predicate: isUserData });
      client.setQueryData<Health>(sessionKeys.health, (h) => ({ healthy: true, version: h?.version ?? '', isAuthenticated: false }));
      client.removeQueries({ queryKey: sessionKeys.user });
    },
  });
};
