import { canCreateSpace, canOnSpace, type Actor } from '@tessera/core';
import type { SavedChart } from '../../../api/charts-types.js';

/**
 * Core's space policy (the server's) applied to what the browser knows: the actor (organization
 * role and direct project roles, see `use-project-roles.ts`) and, for a saved chart, its privacy
 * and the user's own `access` entry. Group grants are not known here, so this may refuse what the
 * server would allow — never the reverse.
 */
export const maySaveCharts = (actor: Actor, organizationUuid: string, projectUuid: string): boolean => canCreateSpace(actor, organizationUuid, projectUuid);

export const mayEditChart = (actor: Actor, chart: Pick<SavedChart, 'organizationUuid' | 'projectUuid' | 'isPrivate' | 'access'>): boolean => {
  const own = chart.access.filter((a) => a.userUuid === actor.userUuid);
  return canOnSpace(actor, 'edit', {
    type: 'Space',
    organizationUuid: chart.organizationUuid,
    projectUuid: chart.projectUuid,
    root: { isPrivate: chart.isPrivate, userAccess: Object.fromEntries(own.map((a) => [a.userUuid, a.role])), groupAccess: {} },
  });
};
