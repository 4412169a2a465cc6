import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createUserAttribute, deleteUserAttribute, listUserAttributes, updateUserAttribute } from '../../../api/settings-endpoints.js';
import type { UserAttributeInput } from '../../../api/settings-types.js';
import { settingsKeys } from './settings-keys.js';

export const useUserAttributes = () => useQuery({ queryKey: settingsKeys.attributes, queryFn: ({ signal }) => listUserAttributes(signal) });

const useAttributeMutation = <A,>(fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.attributes }) });
};

/** Creates when `uuid` is undefined, else replaces the attribute (its user and group values too). */
export const useSaveUserAttribute = () =>
  useAttributeMutation(({ uuid, input }: { uuid: string | undefined; input: UserAttributeInput }) =>
    uuid === undefined ? createUserAttribute(input) : updateUserAttribute(uuid, input),
  );
export const useDeleteUserAttribute = () => useAttributeMutation(deleteUserAttribute);
