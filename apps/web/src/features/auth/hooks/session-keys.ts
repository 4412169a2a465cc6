import type { Query } from '@tanstack/react-query';

/** Query keys of the session: health says whether the cookie is signed in, user who it is. */
export const sessionKeys = {
  health: ['session', 'health'] as const,
  user: ['session', 'user'] as const,
};

/** Every cached answer that is not about the session itself (so belongs to the signed-in user). */
export const isUserData = (query: Query): boolean => query.queryKey[0] !== 'session';
