import { z } from 'zod';
import type { Account } from './account.js';

/** The spec's `LightdashUser`: what GET /user, login and register answer with. */
export const lightdashUserSchema = z
  .object({
    userUuid: z.string(),
    email: z.string().optional(),
    firstName: z.string(),
    lastName: z.string(),
    organizationUuid: z.string().optional(),
    organizationName: z.string().optional(),
    organizationCreatedAt: z.iso.datetime().optional(),
    isTrackingAnonymized: z.boolean(),
    isMarketingOptedIn: z.boolean(),
    isSetupComplete: z.boolean(),
    role: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    isActive: z.boolean(),
    isPending: z.boolean().optional(),
  })
  .meta({ id: 'LightdashUser' });

export const toLightdashUser = (account: Omit<Account, 'authentication'>): z.infer<typeof lightdashUserSchema> => ({
  userUuid: account.user.userUuid,
  email: account.user.email,
  firstName: account.user.firstName,
  lastName: account.user.lastName,
  ...(account.organization
    ? {
        organizationUuid: account.organization.organizationUuid,
        organizationName: account.organization.name,
        organizationCreatedAt: account.organization.createdAt.toISOString(),
      }
    : {}),
  ...(account.role ? { role: account.role } : {}),
  isTrackingAnonymized: account.user.isTrackingAnonymized,
  isMarketingOptedIn: account.user.isMarketingOptedIn,
  isSetupComplete: account.user.isSetupComplete,
  createdAt: account.user.createdAt.toISOString(),
  updatedAt: account.user.updatedAt.toISOString(),
  isActive: account.user.isActive,
  isPending: account.user.isPending,
});
