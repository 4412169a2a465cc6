import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createWarehouseCredentials,
  deleteWarehouseCredentials,
  listWarehouseCredentials,
  updateWarehouseCredentials,
} from '../../../api/settings-endpoints.js';
import type { UserWarehouseCredentialsInput } from '../../../api/settings-types.js';
import { settingsKeys } from './settings-keys.js';

export const useWarehouseCredentials = () =>
  useQuery({ queryKey: settingsKeys.warehouseCredentials, queryFn: ({ signal }) => listWarehouseCredentials(signal) });

const useCredentialsMutation = <A,>(fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.warehouseCredentials }) });
};

export const useSaveWarehouseCredentials = () =>
  useCredentialsMutation(({ uuid, input }: { uuid: string | undefined; input: UserWarehouseCredentialsInput }) =>
    uuid === undefined ? createWarehouseCredentials(input) : updateWarehouseCredentials(uuid, input),
  );
export const useDeleteWarehouseCredentials = () => useCredentialsMutation(deleteWarehouseCredentials);
