/** Query keys of the settings pages (all user data: dropped when another user signs in). */
export const settingsKeys = {
  members: ['settings', 'members'] as const,
  groups: ['settings', 'groups'] as const,
  attributes: ['settings', 'attributes'] as const,
  project: (projectUuid: string) => ['settings', 'project', projectUuid] as const,
  projectGroupAccess: (projectUuid: string) => ['settings', 'project-group-access', projectUuid] as const,
  warehouseCredentials: ['settings', 'warehouse-credentials'] as const,
};
