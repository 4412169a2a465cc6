import type { Space, SpaceSummary } from '../../../api/spaces-endpoints.js';
import type { KnownSpace } from '../../permissions/use-can.js';

/** A listed space for the permission hooks: the user's role as `userAccess` gives it. */
export const knownSpaceOf = (space: SpaceSummary | undefined): KnownSpace | undefined =>
  space && { organizationUuid: space.organizationUuid, projectUuid: space.projectUuid, myRole: space.userAccess?.role };

/** A space's details for the permission hooks: the user's own entry in its access list. */
export const knownSpaceOfDetails = (space: Space | undefined, userUuid: string | undefined): KnownSpace | undefined =>
  space && {
    organizationUuid: space.organizationUuid,
    projectUuid: space.projectUuid,
    myRole: space.access.find((a) => a.userUuid === userUuid)?.role,
  };
