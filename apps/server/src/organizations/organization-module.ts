import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { EmailDomainRepository } from './email-domain-repository.js';
import { emailDomainRoutes } from './email-domain-routes.js';
import { EmailDomainService } from './email-domain-service.js';
import { MemberRepository } from './member-repository.js';
import { memberRoutes } from './member-routes.js';
import { MemberService } from './member-service.js';
import { OrganizationRepository } from './organization-repository.js';
import { organizationRoutes } from './organization-routes.js';
import { OrganizationService } from './organization-service.js';

/** Domain module: organizations, members, allowed e-mail domains, joining an organization. Builds its repositories and services from the context and registers its routes. */
export const registerOrganizationModule = (app: FastifyInstance, ctx: AppContext): void => {
  const organizationRepository = new OrganizationRepository(ctx.db);
  const organizations = new OrganizationService(organizationRepository, ctx.users);
  const members = new MemberService(new MemberRepository(ctx.db), organizationRepository, ctx.now);
  const emailDomains = new EmailDomainService(new EmailDomainRepository(ctx.db), organizationRepository, ctx.users);
  organizationRoutes(app, { organizations });
  memberRoutes(app, { members });
  emailDomainRoutes(app, { emailDomains });
};
