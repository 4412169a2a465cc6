import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLookerCredentials, deleteLookerCredentials, listLookerCredentials } from '../../../api/looker-credentials-endpoints.js';

export const lookerCredentialsKeys = { mine: (userUuid: string) => ['looker-api3-credentials', userUuid] as const };

export const useLookerCredentials = (userUuid: string | undefined) =>
  useQuery({
    queryKey: lookerCredentialsKeys.mine(userUuid ?? ''),
    queryFn: ({ signal }) => listLookerCredentials(userUuid ?? '', signal),
    enabled: userUuid !== undefined,
  });

/** The created client secret is in the mutation's data only: shown once, never cached. */
export const useCreateLookerCredentials = (userUuid: string | undefined) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => createLookerCredentials(userUuid ?? ''),
    onSuccess: () => client.invalidateQueries({ queryKey: lookerCredentialsKeys.mine(userUuid ?? '') }),
  });
};

export const useDeleteLookerCredentials = (userUuid: string | undefined) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteLookerCredentials({ userUuid: userUuid ?? '', id }),
    onSuccess: () => client.invalidateQueries({ queryKey: lookerCredentialsKeys.mine(userUuid ?? '') }),
  });
};
