import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../mail/mailer.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { DAY, inFuture, invite } from './invite-test-helpers.js';

type Received = { from: string; to: string[]; raw: string };

let smtp: SMTPServer;
let server: TestServer;
let admin: TestUser;
const received: Received[] = [];

/** Undoes quoted-printable soft breaks and escapes, enough to read a text/plain body. */
const decode = (raw: string): string =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const waitForMail = async (to: string): Promise<Received> => {
  for (let i = 0; i < 200; i++) {
    const found = received.find((m) => m.to.includes(to));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no mail for ${to} arrived over SMTP`);
};

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) callback(new Error('550 mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decode(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const mailer = createMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'Tessera <t@localhost>', pino({ level: 'silent' }));
  server = await createTestServer({ mailer, env: { TESSERA_OPEN_REGISTRATION: 'true' } });
  ({ admin } = await server.createOrganization('Mail Org'));
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('mail over a real SMTP server', () => {
  it('delivers the invite mail with the invite link', async () => {
    const link = await invite(server, admin, { email: 'smtp-invitee@example.com' });
    const mail = await waitForMail('smtp-invitee@example.com');
    expect(mail.from).toBe('t@localhost');
    expect(mail.raw).toMatch(/^Subject: You are invited to join Mail Org on Tessera/m);
    expect(mail.raw).toContain(link.inviteUrl);
    expect(server.mail).toEqual([]); // the capturing test mailer was replaced
  });

  it('delivers the e-mail passcode, and that passcode verifies the address', async () => {
    const reg = await server.request('POST', '/api/v1/user', {
      body: { email: 'smtp-user@example.com', firstName: 'S', lastName: 'M', password: 'smtp password 1' },
    });
    expectSpec(reg, 'RegisterUser');
    const cookie = `connect.sid=${reg.cookies.find((c) => c.name === 'connect.sid')?.value}`;
    const sent = await server.request('PUT', '/api/v1/user/me/email/otp', { as: { cookie } });
    expectSpec(sent, 'CreateEmailOneTimePasscode');
    const mail = await waitForMail('smtp-user@example.com');
    expect(mail.raw).toMatch(/^Subject: Your Tessera verification code/m);
    const code = /verification code is (\d{6})/.exec(mail.raw)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const status = await server.request('GET', `/api/v1/user/me/email/status?passcode=${code}`, { as: { cookie } });
    expectSpec(status, 'GetEmailVerificationStatus');
    expect(status.json().results).toEqual({ email: 'smtp-user@example.com', isVerified: true });
  });

  it('a refused invite mail is a 500 SmtpError and leaves no pending user or link behind', async () => {
    const res = await server.request('POST', '/api/v1/invite-links', {
      as: admin,
      body: { email: 'bounce-invite@example.com', expiresAt: inFuture(server, DAY) },
    });
    expectError(res, 500, 'SmtpError');
    const users = await server.store.db.selectFrom('users').select('user_uuid').where('email', '=', 'bounce-invite@example.com').execute();
    expect(users).toEqual([]);
    const links = await server.store.db.selectFrom('invite_links').select('user_uuid').where('organization_uuid', '=', admin.organizationUuid ?? '').execute();
    expect(links.map((l) => l.user_uuid)).toHaveLength(1); // only the smtp-invitee link of the first test
  });

  it('a refused passcode mail is a 500 SmtpError and the user may ask again at once', async () => {
    const reg = await server.request('POST', '/api/v1/user', {
      body: { email: 'bounce-user@example.com', firstName: 'B', lastName: 'U', password: 'smtp password 1' },
    });
    expectSpec(reg, 'RegisterUser');
    const cookie = `connect.sid=${reg.cookies.find((c) => c.name === 'connect.sid')?.value}`;
    for (let i = 0; i < 2; i++) {
      expectError(await server.request('PUT', '/api/v1/user/me/email/otp', { as: { cookie } }), 500, 'SmtpError');
    }
    const userUuid = reg.json().results.userUuid as string;
    const stored = await server.store.db.selectFrom('email_one_time_passcodes').selectAll().where('user_uuid', '=', userUuid).execute();
    expect(stored).toEqual([]);
  });
});
