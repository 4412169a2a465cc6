import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createToken, deleteToken, listTokens } from '../../../api/settings-endpoints.js';

export const tokenKeys = { all: ['personal-access-tokens'] as const };

export const useTokens = () => useQuery({ queryKey: tokenKeys.all, queryFn: ({ signal }) => listTokens(signal) });

/** The created token's secret is in the mutation's data only: it is shown once and never cached. */
export const useCreateToken = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }) });
};

export const useDeleteToken = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteToken, onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }) });
};
