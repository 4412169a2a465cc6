import { canCreateSpace, canOnSpace, type Actor, type SpaceAction, type SpaceRole, type SpaceSubject } from '@tessera/core';

/**
 * A space as the browser knows it: the user's own effective role there, as the server answers it
 * (`SpaceSummary.userAccess`, or the user's entry in `Space.access`); undefined when not known.
 */
export type KnownSpace = { organizationUuid: string; projectUuid: string; myRole: SpaceRole | undefined };

/** The policy subject of a known space: the user's resolved role stands in for the root's grants. */
const subjectOf = (userUuid: string, space: KnownSpace, myRole: SpaceRole): SpaceSubject => ({
  type: 'Space',
  organizationUuid: space.organizationUuid,
  projectUuid: space.projectUuid,
  root: { isPrivate: true, userAccess: { [userUuid]: myRole }, groupAccess: {} },
});

/** core's `canOnSpace` for a known space (the space role, capped by the project role). */
export const canInKnownSpace = (actor: Actor, action: SpaceAction, space: KnownSpace | undefined): boolean =>
  space?.myRole !== undefined && canOnSpace(actor, action, subjectOf(actor.userUuid, space, space.myRole));

/** core's `canCreateSpace`: a root space (project editor+), or one inside a known parent (edit there). */
export const canCreateKnownSpace = (actor: Actor, projectUuid: string, parent: KnownSpace | undefined): boolean => {
  if (!parent) return actor.organizationUuid !== null && canCreateSpace(actor, actor.organizationUuid, projectUuid);
  return parent.myRole !== undefined && canCreateSpace(actor, parent.organizationUuid, projectUuid, subjectOf(actor.userUuid, parent, parent.myRole));
};
