import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addProjectGroupAccess,
  createProject,
  deleteProject,
  getProject,
  grantProjectAccess,
  listProjectGroupAccess,
  removeProjectGroupAccess,
  revokeProjectAccess,
  updateProject,
  updateProjectAccess,
  updateProjectGroupAccess,
  uploadManifest,
} from '../../../api/settings-endpoints.js';
import type { CreateProjectInput, Project, ProjectRole, UpdateProjectInput } from '../../../api/settings-types.js';
import { getProjectAccessList } from '../../../api/permissions-endpoints.js';
import { permissionKeys } from '../../permissions/use-project-roles.js';
import { projectKeys } from '../../projects/hooks/use-projects.js';
import { settingsKeys } from './settings-keys.js';

export const useProjectDetails = (projectUuid: string) =>
  useQuery({ queryKey: settingsKeys.project(projectUuid), queryFn: ({ signal }) => getProject(projectUuid, signal) });

type SaveProject = { projectUuid?: string | undefined; create?: CreateProjectInput; update?: UpdateProjectInput; manifest?: unknown };

/**
 * Saves a project (create, or update with only what changed), then uploads a manifest when one was
 * chosen. A refused manifest does not undo the save: it comes back as `manifestError`, so a retry
 * edits the saved project instead of creating a second one.
 */
export const useSaveProject = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ projectUuid, create, update, manifest }: SaveProject): Promise<{ project: Project; manifestError?: unknown }> => {
      const project = projectUuid === undefined ? await createProject(create as CreateProjectInput) : await updateProject(projectUuid, update ?? {});
      if (manifest === undefined) return { project };
      try {
        await uploadManifest(project.projectUuid, manifest);
        return { project };
      } catch (manifestError) {
        return { project, manifestError };
      }
    },
    onSuccess: async ({ project: saved }) => {
      client.setQueryData(settingsKeys.project(saved.projectUuid), saved);
      await client.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
};

/** The project's direct members: the same query `useCan` reads the user's own project role from. */
export const useProjectAccess = (projectUuid: string) =>
  useQuery({ queryKey: permissionKeys.projectAccess(projectUuid), queryFn: ({ signal }) => getProjectAccessList(projectUuid, signal) });
export const useProjectGroupAccess = (projectUuid: string) =>
  useQuery({ queryKey: settingsKeys.projectGroupAccess(projectUuid), queryFn: ({ signal }) => listProjectGroupAccess(projectUuid, signal) });

const useAccessMutation = <A,>(projectUuid: string, fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: permissionKeys.projectAccess(projectUuid) }) });
};

export const useGrantProjectAccess = (projectUuid: string) =>
  useAccessMutation(projectUuid, (body: { email: string; role: ProjectRole }) => grantProjectAccess(projectUuid, body));
export const useUpdateProjectAccess = (projectUuid: string) =>
  useAccessMutation(projectUuid, ({ userUuid, role }: { userUuid: string; role: ProjectRole }) => updateProjectAccess(projectUuid, userUuid, role));
export const useRevokeProjectAccess = (projectUuid: string) => useAccessMutation(projectUuid, (userUuid: string) => revokeProjectAccess(projectUuid, userUuid));

const useGroupAccessMutation = <A,>(projectUuid: string, fn: (args: A) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.projectGroupAccess(projectUuid) }) });
};

/** Adds a group's role, or changes it when the group already has one. */
export const useSetProjectGroupAccess = (projectUuid: string) =>
  useGroupAccessMutation(projectUuid, ({ groupUuid, role, existing }: { groupUuid: string; role: ProjectRole; existing: boolean }) =>
    existing ? updateProjectGroupAccess(projectUuid, groupUuid, role) : addProjectGroupAccess(projectUuid, groupUuid, role),
  );
export const useRemoveProjectGroupAccess = (projectUuid: string) =>
  useGroupAccessMutation(projectUuid, (groupUuid: string) => removeProjectGroupAccess(projectUuid, groupUuid));

export const useDeleteProject = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteProject, onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }) });
};
