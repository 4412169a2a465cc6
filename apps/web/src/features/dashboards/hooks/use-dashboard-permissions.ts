import { useCanOnSpace, useSpaceDecider } from '../../permissions/use-can.js';
import { useSpaces } from '../../spaces/hooks/use-spaces.js';
import { knownSpaceOf } from '../../spaces/utils/known-space.js';

/** Whether to offer editing a dashboard: `edit` in its space (project editor+ and space editor+). */
export const useCanEditDashboard = (projectUuid: string, spaceUuid: string | undefined): boolean => {
  const spaces = useSpaces(projectUuid);
  return useCanOnSpace('edit', knownSpaceOf(spaces.data?.find((s) => s.uuid === spaceUuid)));
};

/** The spaces the user may create dashboards in (empty while loading). */
export const useEditableSpaces = (projectUuid: string) => {
  const spaces = useSpaces(projectUuid);
  const decide = useSpaceDecider(projectUuid);
  return { spaces, editable: (spaces.data ?? []).filter((s) => decide('edit', knownSpaceOf(s))) };
};
