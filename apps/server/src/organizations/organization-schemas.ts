import { ORGANIZATION_ROLES } from '@tessera/core';
import { z } from 'zod';
import type { MemberWithGroups } from './member-service.js';
import type { Organization, OrganizationProject } from './organization-repository.js';

/** Zod shapes of the spec's organization components, and the mappers from domain values to them. */

export const organizationRoleSchema = z.enum(ORGANIZATION_ROLES);

export const organizationSchema = z
  .object({
    organizationUuid: z.string(),
    name: z.string(),
    chartColors: z.array(z.string()).optional(),
    defaultProjectUuid: z.string().optional(),
    needsProject: z.boolean().optional(),
  })
  .meta({ id: 'Organization' });

export const toOrganizationDto = (o: Organization): z.infer<typeof organizationSchema> => ({
  organizationUuid: o.organizationUuid,
  name: o.name,
  ...(o.chartColors ? { chartColors: o.chartColors } : {}),
  ...(o.defaultProjectUuid ? { defaultProjectUuid: o.defaultProjectUuid } : {}),
  needsProject: !o.hasProject,
});

export const organizationProjectSchema = z
  .object({
    projectUuid: z.string(),
    name: z.string(),
    // The spec's ProjectType / WarehouseTypes; kept open so an unexpected stored value is never a 500.
    type: z.string(),
    createdByUserUuid: z.string().nullable(),
    upstreamProjectUuid: z.string().nullable(),
    warehouseType: z.string(),
    requireUserCredentials: z.boolean(),
  })
  .meta({ id: 'OrganizationProject' });

export const toOrganizationProjectDto = (p: OrganizationProject): z.infer<typeof organizationProjectSchema> => ({
  projectUuid: p.projectUuid,
  name: p.name,
  type: p.type,
  createdByUserUuid: p.createdByUserUuid,
  upstreamProjectUuid: p.upstreamProjectUuid,
  warehouseType: p.warehouseType,
  requireUserCredentials: p.requireUserCredentials,
});

export const memberProfileSchema = z
  .object({
    userUuid: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    organizationUuid: z.string(),
    role: organizationRoleSchema,
    isActive: z.boolean(),
    isPending: z.boolean(),
    isInviteExpired: z.boolean(),
    userCreatedAt: z.iso.datetime(),
    userUpdatedAt: z.iso.datetime(),
    groups: z.array(z.object({ uuid: z.string(), name: z.string() })).optional(),
  })
  .meta({ id: 'OrganizationMemberProfile' });

export const toMemberDto = (m: MemberWithGroups): z.infer<typeof memberProfileSchema> => ({
  userUuid: m.userUuid,
  email: m.email,
  firstName: m.firstName,
  lastName: m.lastName,
  organizationUuid: m.organizationUuid,
  role: m.role,
  isActive: m.isActive,
  isPending: m.isPending,
  isInviteExpired: m.isInviteExpired,
  userCreatedAt: m.userCreatedAt.toISOString(),
  userUpdatedAt: m.userUpdatedAt.toISOString(),
  ...(m.groups ? { groups: m.groups } : {}),
});

export const memberPageSchema = z.object({
  data: z.array(memberProfileSchema),
  pagination: z
    .object({ page: z.number(), pageSize: z.number(), totalResults: z.number(), totalPageCount: z.number() })
    .optional(),
});

export const allowedDomainsRoleSchema = z.enum(['editor', 'interactive_viewer', 'viewer', 'member']);
export const allowedDomainsProjectRoleSchema = z.enum(['editor', 'interactive_viewer', 'viewer']);

export const allowedEmailDomainsSchema = z
  .object({
    organizationUuid: z.string(),
    emailDomains: z.array(z.string()),
    role: allowedDomainsRoleSchema,
    projects: z.array(z.object({ projectUuid: z.string(), role: allowedDomainsProjectRoleSchema })),
  })
  .meta({ id: 'AllowedEmailDomains' });

export const updateAllowedEmailDomainsSchema = z.object({
  emailDomains: z.array(z.string().max(253)).max(100),
  role: allowedDomainsRoleSchema,
  projects: z.array(z.object({ projectUuid: z.uuid(), role: allowedDomainsProjectRoleSchema })).max(1000),
});

export const userAllowedOrganizationSchema = z
  .object({ organizationUuid: z.string(), name: z.string(), membersCount: z.number() })
  .meta({ id: 'UserAllowedOrganization' });
