import type { ProjectRole } from '@tessera/core';
import { apiGet } from './api-client.js';

/** ProjectMemberProfile: a user's direct role in a project. */
export type ProjectMember = { projectUuid: string; userUuid: string; email: string; firstName: string; lastName: string; role: ProjectRole };

/**
 * GetProjectAccessList: the project's direct members (project viewers and above may ask). The web
 * app reads the signed-in user's own direct role from it (GetProjectMemberAccess answers 404 for a
 * user without a direct role, which the browser would log as an error).
 */
export const getProjectAccessList = (projectUuid: string, signal?: AbortSignal) =>
  apiGet<ProjectMember[]>(`/projects/${encodeURIComponent(projectUuid)}/access`, signal);
