import { ORGANIZATION_ROLES, PROJECT_ROLES } from '@tessera/core';

const LABELS: Record<string, string> = {
  member: 'Member',
  viewer: 'Viewer',
  interactive_viewer: 'Interactive viewer',
  editor: 'Editor',
  developer: 'Developer',
  admin: 'Admin',
};

export const roleLabel = (role: string): string => LABELS[role] ?? role;

/** Select options for the role ladders, in order, as core defines them. */
export const ORGANIZATION_ROLE_OPTIONS = ORGANIZATION_ROLES.map((value) => ({ value, label: roleLabel(value) }));
export const PROJECT_ROLE_OPTIONS = PROJECT_ROLES.map((value) => ({ value, label: roleLabel(value) }));
