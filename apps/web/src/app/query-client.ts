import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.js';
import { sessionKeys } from '../features/auth/hooks/session-keys.js';

/**
 * The one store of server state. A 401 from any request means the session ended: the health
 * entry is marked signed out, and the route guard sends the user to the sign-in page.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isApiError(error) && error.statusCode === 401) void queryClient.invalidateQueries({ queryKey: sessionKeys.health });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) are answers, not hiccups: retrying them only delays the message.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.statusCode >= 400 && error.statusCode < 500),
    },
  },
});
