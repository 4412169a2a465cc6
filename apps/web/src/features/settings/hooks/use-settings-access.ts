import { can, type Action } from '@tessera/core';
import type { OrganizationProject } from '../../../api/types.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { actorOf } from '../../permissions/use-can.js';
import { useProjects } from '../../projects/hooks/use-projects.js';

export type SettingsAccess = {
  members: boolean;
  invites: boolean;
  groups: boolean;
  attributes: boolean;
  createProject: boolean;
  /** Projects whose settings the user may change (developers and admins of the project). */
  editableProjects: OrganizationProject[];
  /** Of those, the ones the user may delete (admins; developers their own previews). */
  deletableProjectUuids: ReadonlySet<string>;
};

/**
 * Which settings sections to offer, from core's policy with the signed-in user as actor (the
 * organization role; a project grant above it is not seen, so this may hide too much, never too
 * little — the server decides every request).
 */
export const useSettingsAccess = (): SettingsAccess => {
  const user = useUser().data;
  const projects = useProjects().data ?? [];
  if (!user?.organizationUuid) return { members: false, invites: false, groups: false, attributes: false, createProject: false, editableProjects: [], deletableProjectUuids: new Set() };
  const actor = actorOf(user);
  const organizationUuid = user.organizationUuid;
  const manage = (type: 'OrganizationMemberProfile' | 'InviteLink' | 'Group' | 'UserAttribute') => can(actor, 'manage', { type, organizationUuid });
  const onProject = (action: Action, p: OrganizationProject | undefined) =>
    can(actor, action, {
      type: 'Project',
      organizationUuid,
      projectUuid: p?.projectUuid ?? null,
      projectType: p?.type ?? 'DEFAULT',
      createdByUserUuid: p?.createdByUserUuid ?? null,
      upstreamProjectUuid: p?.upstreamProjectUuid ?? null,
    });
  return {
    members: manage('OrganizationMemberProfile'),
    invites: manage('InviteLink'),
    groups: manage('Group'),
    attributes: manage('UserAttribute'),
    createProject: onProject('create', undefined),
    editableProjects: projects.filter((p) => onProject('update', p)),
    deletableProjectUuids: new Set(projects.filter((p) => onProject('delete', p)).map((p) => p.projectUuid)),
  };
};
