import { SPACE_ROLES } from '@tessera/core';
import { z } from 'zod';

/** Zod shapes of the spec's space components (`Space`, `SpaceSummary`, `SpaceShare`…) and request bodies. */

export const spaceRoleSchema = z.enum(SPACE_ROLES);
const name = z.string().trim().min(1).max(255);

export const createSpaceBody = z
  .object({
    name,
    isPrivate: z.boolean().optional(),
    access: z.array(z.object({ userUuid: z.guid(), role: spaceRoleSchema })).max(1000).optional(),
    /** Tessera (newer anchor): nest the space in another space of the project; it inherits that root's access. */
    parentSpaceUuid: z.guid().nullable().optional(),
  })
  .meta({ id: 'CreateSpace' });
export type CreateSpaceInput = z.infer<typeof createSpaceBody>;

export const updateSpaceBody = z.object({ name, isPrivate: z.boolean() }).meta({ id: 'UpdateSpace' });
export type UpdateSpaceInput = z.infer<typeof updateSpaceBody>;

export const addSpaceUserAccessBody = z.object({ userUuid: z.guid(), spaceRole: spaceRoleSchema }).meta({ id: 'AddSpaceUserAccess' });
export const addSpaceGroupAccessBody = z.object({ groupUuid: z.guid(), spaceRole: spaceRoleSchema }).meta({ id: 'AddSpaceGroupAccess' });

const user = z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string() });
const pin = { pinnedListUuid: z.string().nullable(), pinnedListOrder: z.number().nullable() };
const views = { views: z.number(), firstViewedAt: z.iso.datetime().nullable() };

export const spaceShareSchema = z
  .object({
    userUuid: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    role: spaceRoleSchema,
    hasDirectAccess: z.boolean(),
    inheritedRole: z.string().optional(),
    inheritedFrom: z.enum(['organization', 'project', 'group', 'space_group']).optional(),
    projectRole: z.string().optional(),
  })
  .meta({ id: 'SpaceShare' });

const spaceGroupSchema = z.object({ groupUuid: z.string(), groupName: z.string(), spaceRole: spaceRoleSchema }).meta({ id: 'SpaceGroup' });

const spaceQuerySchema = z.object({
  uuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  spaceUuid: z.string(),
  spaceName: z.string(),
  projectUuid: z.string(),
  organizationUuid: z.string(),
  dashboardUuid: z.string().nullable(),
  dashboardName: z.string().nullable(),
  slug: z.string(),
  chartKind: z.string(),
  chartType: z.string(),
  source: z.literal('dbt_explore'),
  updatedAt: z.iso.datetime(),
  updatedByUser: user.optional(),
  ...pin,
  ...views,
});

const spaceDashboardSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  spaceUuid: z.string(),
  projectUuid: z.string(),
  organizationUuid: z.string(),
  updatedAt: z.iso.datetime(),
  updatedByUser: user.optional(),
  ...pin,
  ...views,
});

export const spaceSummarySchema = z
  .object({
    uuid: z.string(),
    organizationUuid: z.string(),
    projectUuid: z.string(),
    name: z.string(),
    slug: z.string(),
    isPrivate: z.boolean(),
    ...pin,
    chartCount: z.number(),
    dashboardCount: z.number(),
    access: z.array(z.string()),
    userAccess: spaceShareSchema.optional(),
    /** Tessera (newer anchor): the parent space, null for a root space. */
    parentSpaceUuid: z.string().nullable(),
  })
  .meta({ id: 'SpaceSummary' });
export type SpaceSummaryDto = z.infer<typeof spaceSummarySchema>;

export const spaceSchema = z
  .object({
    uuid: z.string(),
    organizationUuid: z.string(),
    projectUuid: z.string(),
    name: z.string(),
    slug: z.string(),
    isPrivate: z.boolean(),
    ...pin,
    queries: z.array(spaceQuerySchema),
    dashboards: z.array(spaceDashboardSchema),
    access: z.array(spaceShareSchema),
    groupsAccess: z.array(spaceGroupSchema),
    /** Tessera (newer anchor): nesting. Child spaces are listed as summaries. */
    parentSpaceUuid: z.string().nullable(),
    childSpaces: z.array(spaceSummarySchema),
  })
  .meta({ id: 'Space' });
export type SpaceDto = z.infer<typeof spaceSchema>;
