export const ORGANIZATION_ROLES = [
  'member',
  'viewer',
  'interactive_viewer',
  'editor',
  'developer',
  'admin',
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const PROJECT_ROLES = ['viewer', 'interactive_viewer', 'editor', 'developer', 'admin'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** Position in the ladder member < viewer < … < admin; higher includes everything lower can do. */
export const roleRank = (role: OrganizationRole | ProjectRole): number => ORGANIZATION_ROLES.indexOf(role);

export const isAtLeast = (role: OrganizationRole | ProjectRole, floor: OrganizationRole | ProjectRole): boolean =>
  roleRank(role) >= roleRank(floor);

/** The highest of several grants (direct, through groups); undefined when there are none. */
export const highestRole = <R extends OrganizationRole | ProjectRole>(roles: readonly R[]): R | undefined =>
  roles.reduce<R | undefined>((best, r) => (best === undefined || roleRank(r) > roleRank(best) ? r : best), undefined);
