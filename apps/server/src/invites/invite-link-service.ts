import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  ExpiredError,
  NotFoundError,
  ParameterError,
  assertCan,
  type OrganizationRole,
} from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import { TOKEN_PREFIX, hashToken, newToken } from '../identity/tokens.js';
import { normaliseEmail, type UserRepository } from '../identity/user-repository.js';
import type { Mailer } from '../mail/mailer.js';
import type { InviteLinkRepository } from './invite-link-repository.js';

export type InviteLink = {
  inviteCode: string;
  inviteUrl: string;
  expiresAt: Date;
  organizationUuid: string;
  userUuid: string;
  email: string;
};

type OrganizationAccount = Account & { organization: NonNullable<Account['organization']> };

/**
 * Invite links: an admin invites an e-mail address, which becomes a *pending* user (no password) in
 * the organization with the chosen role; the link's code lets that person set a password
 * (RegistrationService). Only the SHA-256 of a code is stored; a new invite for the same pending
 * user replaces its earlier links. The invite mail is sent after the commit; when SMTP refuses it
 * the link (and a pending user it created) is withdrawn and the error (SmtpError) is answered.
 */
export class InviteLinkService {
  constructor(
    private readonly links: InviteLinkRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
    private readonly siteUrl: string,
    private readonly now: () => Date,
  ) {}

  async create(
    account: OrganizationAccount,
    input: { email: string; expiresAt: string; role?: OrganizationRole | undefined },
  ): Promise<InviteLink> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'InviteLink', organizationUuid });
    const expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) throw new ParameterError('expiresAt is not a valid date');
    const now = this.now();
    if (expiresAt.getTime() <= now.getTime()) throw new ParameterError('Expire time must be in the future');
    const email = normaliseEmail(input.email);
    const { token: inviteCode, hash } = newToken(TOKEN_PREFIX.invite);

    const { userUuid, created } = await this.links.transaction(async (trx) => {
      const target = await this.links.findTarget(email, trx);
      if (target === undefined) {
        const newUserUuid = randomUUID();
        await this.users.create({ userUuid: newUserUuid, email, firstName: '', lastName: '', passwordHash: null }, trx);
        await this.users.addMembership(newUserUuid, organizationUuid, input.role ?? 'member', trx);
        await this.links.insert({ codeHash: hash, organizationUuid, userUuid: newUserUuid, expiresAt, createdAt: now }, trx);
        return { userUuid: newUserUuid, created: true };
      }
      if (target.hasPassword || !target.isActive || target.organizationUuid !== organizationUuid) {
        // One message for every case, so an admin learns nothing about other organizations.
        throw new AlreadyExistsError('This email address already has an account or a pending invite');
      }
      if (input.role !== undefined) await this.links.setRole(target.userUuid, organizationUuid, input.role, trx);
      await this.links.deleteForUser(target.userUuid, trx);
      await this.links.insert({ codeHash: hash, organizationUuid, userUuid: target.userUuid, expiresAt, createdAt: now }, trx);
      return { userUuid: target.userUuid, created: false };
    });

    const link: InviteLink = { inviteCode, inviteUrl: this.urlOf(inviteCode), expiresAt, organizationUuid, userUuid, email };
    try {
      await this.mailInvite(link, account);
    } catch (error) {
      // Undelivered: withdraw the link (and the pending user it created) so nothing half-done remains.
      await this.links.withdraw(hash, created ? userUuid : undefined);
      throw error;
    }
    return link;
  }

  /** Public: what an invitee sees before choosing a password. 404 unknown, 406 expired. */
  async get(inviteCode: string): Promise<InviteLink> {
    const link = await this.links.find(hashToken(inviteCode));
    if (!link) throw new NotFoundError('No invite link found with this code');
    if (link.expiresAt.getTime() <= this.now().getTime()) {
      throw new ExpiredError('This invite link has expired: ask an administrator for a new one');
    }
    return { ...link, inviteCode, inviteUrl: this.urlOf(inviteCode) };
  }

  /** Revokes every outstanding invite link of the caller's organization; pending users stay listed. */
  async revokeAll(account: OrganizationAccount): Promise<void> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'InviteLink', organizationUuid });
    await this.links.deleteForOrganization(organizationUuid);
  }

  private urlOf(inviteCode: string): string {
    return `${this.siteUrl}/invite/${inviteCode}`;
  }

  private async mailInvite(link: InviteLink, inviter: OrganizationAccount): Promise<void> {
    const organizationName = (await this.links.organizationName(link.organizationUuid)) ?? inviter.organization.name;
    const inviterName = `${inviter.user.firstName} ${inviter.user.lastName}`.trim() || inviter.user.email;
    await this.mailer.send({
      to: link.email,
      subject: `You are invited to join ${organizationName} on Tessera`,
      text: [
        `${inviterName} invited you to join ${organizationName} on Tessera.`,
        '',
        `Accept the invite and choose a password: ${link.inviteUrl}`,
        '',
        `This link expires on ${link.expiresAt.toISOString()}.`,
      ].join('\n'),
    });
  }
}
