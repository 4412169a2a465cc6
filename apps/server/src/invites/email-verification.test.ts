import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ env: { TESSERA_OPEN_REGISTRATION: 'true' } });
});
afterAll(() => server.close());

/** A freshly registered (unverified) user, signed in by cookie. */
const unverifiedUser = async (): Promise<TestUser> => {
  const user = await server.createUser();
  await server.store.db.updateTable('users').set({ is_email_verified: false }).where('user_uuid', '=', user.userUuid).execute();
  return user;
};

const sendPasscode = async (user: TestUser): Promise<string> => {
  const before = server.mail.length;
  const res = await server.request('PUT', '/api/v1/user/me/email/otp', { as: user });
  expectSpec(res, 'CreateEmailOneTimePasscode');
  const mail = server.mail.slice(before);
  expect(mail).toHaveLength(1);
  expect(mail[0]?.to).toBe(user.email);
  const code = /\b(\d{6})\b/.exec(mail[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`no passcode in ${mail[0]?.text}`);
  return code;
};

const status = async (user: TestUser, passcode?: string) => {
  const query = passcode === undefined ? '' : `?passcode=${encodeURIComponent(passcode)}`;
  const res = await server.request('GET', `/api/v1/user/me/email/status${query}`, { as: user });
  expectSpec(res, 'GetEmailVerificationStatus');
  return res.json().results;
};

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

const isVerified = async (user: TestUser) =>
  (await server.store.db.selectFrom('users').select('is_email_verified').where('user_uuid', '=', user.userUuid).executeTakeFirstOrThrow())
    .is_email_verified;

describe('e-mail verification with a one-time passcode', () => {
  it('mails a 6-digit passcode, stores only its digest, and a correct passcode verifies the e-mail', async () => {
    const user = await unverifiedUser();
    expect(await status(user)).toEqual({ email: user.email, isVerified: false });
    const code = await sendPasscode(user);
    const stored = await server.store.db.selectFrom('email_one_time_passcodes').selectAll().where('user_uuid', '=', user.userUuid).executeTakeFirstOrThrow();
    expect(stored.passcode_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.passcode_hash).not.toContain(code);

    const pending = await status(user);
    expect(pending).toMatchObject({ email: user.email, isVerified: false, otp: { numberOfAttempts: 0, isExpired: false, isMaxAttempts: false } });
    expect(new Date(pending.otp.expiresAt).getTime() - new Date(pending.otp.createdAt).getTime()).toBe(15 * 60_000);

    const wrongAnswer = await status(user, wrong(code));
    expect(wrongAnswer).toMatchObject({ isVerified: false, otp: { numberOfAttempts: 1, isMaxAttempts: false } });
    expect(await isVerified(user)).toBe(false);

    expect(await status(user, code)).toEqual({ email: user.email, isVerified: true });
    expect(await isVerified(user)).toBe(true);
    expect(await server.store.db.selectFrom('email_one_time_passcodes').selectAll().where('user_uuid', '=', user.userUuid).execute()).toEqual([]);
  });

  it('an already verified user is told so and gets no mail', async () => {
    const user = await server.createUser(); // createUser makes verified users
    const before = server.mail.length;
    const res = await server.request('PUT', '/api/v1/user/me/email/otp', { as: user, auth: 'apiKey' });
    expectSpec(res, 'CreateEmailOneTimePasscode');
    expect(res.json().results).toEqual({ email: user.email, isVerified: true });
    expect(server.mail.length).toBe(before);
    expect(await status(user, '123456')).toEqual({ email: user.email, isVerified: true });
  });

  it('allows at most 5 attempts: after that even the right passcode is refused', async () => {
    const user = await unverifiedUser();
    const code = await sendPasscode(user);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await status(user, wrong(code))).otp).toMatchObject({ numberOfAttempts: attempt, isMaxAttempts: attempt === 5 });
    }
    const refused = await status(user, code);
    expect(refused).toMatchObject({ isVerified: false, otp: { numberOfAttempts: 5, isMaxAttempts: true } });
    expect(await isVerified(user)).toBe(false);

    // A new passcode (after the resend interval) starts over.
    server.clock.advance(30_000);
    const fresh = await sendPasscode(user);
    expect((await status(user)).otp).toMatchObject({ numberOfAttempts: 0, isMaxAttempts: false });
    expect((await status(user, fresh)).isVerified).toBe(true);
  });

  it('parallel guesses cannot exceed the attempt limit', async () => {
    const user = await unverifiedUser();
    const code = await sendPasscode(user);
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(
      guesses.map((g) => server.request('GET', `/api/v1/user/me/email/status?passcode=${g}`, { as: user })),
    );
    for (const r of results) expectSpec(r, 'GetEmailVerificationStatus');
    const stored = await server.store.db.selectFrom('email_one_time_passcodes').select('number_of_attempts').where('user_uuid', '=', user.userUuid).executeTakeFirstOrThrow();
    expect(stored.number_of_attempts).toBe(5);
    expect((await status(user, code)).isVerified).toBe(false);
  });

  it('expires passcodes after 15 minutes', async () => {
    const user = await unverifiedUser();
    const code = await sendPasscode(user);
    server.clock.advance(15 * 60_000);
    const expired = await status(user, code);
    expect(expired).toMatchObject({ isVerified: false, otp: { isExpired: true, numberOfAttempts: 0 } });
    expect(await isVerified(user)).toBe(false);
  });

  it('re-sending replaces the passcode (at most every 30 s: 429 before that)', async () => {
    const user = await unverifiedUser();
    const first = await sendPasscode(user);
    const tooSoon = await server.request('PUT', '/api/v1/user/me/email/otp', { as: user });
    expectError(tooSoon, 429, 'TooManyRequestsError');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    server.clock.advance(30_000);
    const second = await sendPasscode(user);
    if (second !== first) {
      expect((await status(user, first)).isVerified).toBe(false);
    }
    expect((await status(user, second)).isVerified).toBe(true);
  });

  it('a passcode sent to a former address does not verify the new one', async () => {
    const user = await unverifiedUser();
    const code = await sendPasscode(user);
    const newEmail = `changed-${user.userUuid.slice(0, 8)}@example.com`;
    await server.store.db.updateTable('users').set({ email: newEmail }).where('user_uuid', '=', user.userUuid).execute();
    expect(await status(user, code)).toEqual({ email: newEmail, isVerified: false });
    expect(await isVerified(user)).toBe(false);
  });

  it('works for users without an organization, and with a session or an ApiKey', async () => {
    const reg = await server.request('POST', '/api/v1/user', {
      body: { email: 'fresh@example.com', firstName: 'F', lastName: 'R', password: 'fresh start 1' },
    });
    expectSpec(reg, 'RegisterUser');
    const cookie = `connect.sid=${reg.cookies.find((c) => c.name === 'connect.sid')?.value}`;
    const before = server.mail.length;
    const res = await server.request('PUT', '/api/v1/user/me/email/otp', { as: { cookie } });
    expectSpec(res, 'CreateEmailOneTimePasscode');
    const code = /\b(\d{6})\b/.exec(server.mail[before]?.text ?? '')?.[1] ?? '';
    const verified = await server.request('GET', `/api/v1/user/me/email/status?passcode=${code}`, { as: { cookie } });
    expectSpec(verified, 'GetEmailVerificationStatus');
    expect(verified.json().results).toEqual({ email: 'fresh@example.com', isVerified: true });
  });

  it('401 without credentials; 422 for a malformed passcode (no attempt spent); empty passcode means none', async () => {
    expectError(await server.request('PUT', '/api/v1/user/me/email/otp'), 401, 'AuthorizationError');
    expectError(await server.request('GET', '/api/v1/user/me/email/status'), 401, 'AuthorizationError');
    expectError(await server.request('GET', '/api/v1/user/me/email/status?passcode=123456'), 401);
    const user = await unverifiedUser();
    await sendPasscode(user);
    for (const passcode of ['12345', '1234567', 'abcdef', '12 456']) {
      const res = await server.request('GET', `/api/v1/user/me/email/status?passcode=${encodeURIComponent(passcode)}`, { as: user });
      expectError(res, 422, 'ValidateError');
    }
    expect((await status(user, '')).otp?.numberOfAttempts).toBe(0);
  });
});
