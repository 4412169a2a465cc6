import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireAccount } from '../identity/account.js';
import type { EmailStatus, EmailVerificationService } from './email-verification-service.js';

const emailStatusSchema = z
  .object({
    email: z.string(),
    isVerified: z.boolean(),
    otp: z
      .object({
        createdAt: z.iso.datetime(),
        numberOfAttempts: z.number(),
        expiresAt: z.iso.datetime(),
        isExpired: z.boolean(),
        isMaxAttempts: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'EmailStatusExpiring' });

const toDto = (status: EmailStatus): z.infer<typeof emailStatusSchema> => ({
  email: status.email,
  isVerified: status.isVerified,
  ...(status.otp
    ? {
        otp: {
          createdAt: status.otp.createdAt.toISOString(),
          numberOfAttempts: status.otp.numberOfAttempts,
          expiresAt: status.otp.expiresAt.toISOString(),
          isExpired: status.otp.isExpired,
          isMaxAttempts: status.otp.isMaxAttempts,
        },
      }
    : {}),
});

// An empty `?passcode=` means "no passcode"; anything else must look like one.
const passcodeParam = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the e-mail').optional(),
);

export const emailVerificationRoutes = (app: FastifyInstance, deps: { verification: EmailVerificationService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['My Account'];

  r.put('/api/v1/user/me/email/otp', {
    schema: {
      tags,
      operationId: 'CreateEmailOneTimePasscode',
      summary: "Mail a one-time passcode to the signed-in user's e-mail (replaces any earlier one)",
      response: { 200: okSchema(emailStatusSchema), ...errorResponses },
    },
  }, async (request) => ok(toDto(await deps.verification.sendPasscode(requireAccount(request)))));

  r.get('/api/v1/user/me/email/status', {
    schema: {
      tags,
      operationId: 'GetEmailVerificationStatus',
      summary: "Verification status of the signed-in user's e-mail; a correct passcode verifies it",
      querystring: z.object({ passcode: passcodeParam }),
      response: { 200: okSchema(emailStatusSchema), ...errorResponses },
    },
  }, async (request) => ok(toDto(await deps.verification.status(requireAccount(request), request.query.passcode))));
};
