import type { SavedChart } from '../../../api/charts-types.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { actorOf } from '../../permissions/use-can.js';
import { useProjectRoles } from '../../permissions/use-project-roles.js';
import { mayEditChart, maySaveCharts } from '../utils/chart-permissions.js';

/** May the signed-in user save charts in this project (project editor or above; interactive viewers explore but do not save)? */
export const useCanSaveCharts = (projectUuid: string): boolean => {
  const user = useUser();
  const projectRoles = useProjectRoles(projectUuid);
  const organizationUuid = user.data?.organizationUuid;
  return user.data !== undefined && organizationUuid !== undefined && maySaveCharts(actorOf(user.data, projectRoles), organizationUuid, projectUuid);
};

/** May the signed-in user change this saved chart (`edit` in its space)? */
export const useCanEditChart = (chart: SavedChart | undefined): boolean => {
  const user = useUser();
  const projectRoles = useProjectRoles(chart?.projectUuid);
  return user.data !== undefined && chart !== undefined && mayEditChart(actorOf(user.data, projectRoles), chart);
};
