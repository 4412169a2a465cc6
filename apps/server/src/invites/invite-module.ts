import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { EmailPasscodeRepository } from './email-passcode-repository.js';
import { emailVerificationRoutes } from './email-verification-routes.js';
import { EmailVerificationService } from './email-verification-service.js';
import { InviteLinkRepository } from './invite-link-repository.js';
import { inviteLinkRoutes } from './invite-link-routes.js';
import { InviteLinkService } from './invite-link-service.js';
import { LoginOptionsService } from './login-options-service.js';
import { RegistrationRepository } from './registration-repository.js';
import { registrationRoutes } from './registration-routes.js';
import { RegistrationService } from './registration-service.js';

/** Domain module: invite links, registration, e-mail verification, login options. Builds its repositories and services from the context and registers its routes. */
export const registerInviteModule = (app: FastifyInstance, ctx: AppContext): void => {
  const links = new InviteLinkRepository(ctx.db);
  const invites = new InviteLinkService(links, ctx.users, ctx.mailer, ctx.config.siteUrl, ctx.now);
  const registration = new RegistrationService(
    new RegistrationRepository(ctx.db),
    links,
    ctx.users,
    ctx.config.TESSERA_OPEN_REGISTRATION,
    ctx.now,
  );
  const verification = new EmailVerificationService(new EmailPasscodeRepository(ctx.db), ctx.mailer, ctx.now);

  inviteLinkRoutes(app, { invites });
  registrationRoutes(app, {
    registration,
    loginOptions: new LoginOptionsService(),
    accounts: ctx.accounts,
    sessions: ctx.sessions,
    cookie: ctx.cookie,
  });
  emailVerificationRoutes(app, { verification });
};
