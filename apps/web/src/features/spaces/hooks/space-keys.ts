/** Query keys of spaces (and what listing their content): a change to a space invalidates `spaceKeys.all`. */
export const spaceKeys = {
  all: ['spaces'] as const,
  list: (projectUuid: string) => ['spaces', 'list', projectUuid] as const,
  one: (projectUuid: string, spaceUuid: string) => ['spaces', 'one', projectUuid, spaceUuid] as const,
  members: ['spaces', 'organization-members'] as const,
  groups: ['spaces', 'organization-groups'] as const,
};
