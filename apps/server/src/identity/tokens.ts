import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque credentials (session ids, personal access tokens, invite codes, setup links). Only the
 * SHA-256 digest is stored; the plaintext is shown once. 32 random bytes make brute force pointless,
 * so a fast digest is enough here (argon2 is for passwords, which people choose).
 */
export const TOKEN_PREFIX = {
  personalAccessToken: 'tspat_',
  session: '',
  invite: '',
  setup: '',
} as const;

export const newToken = (prefix = ''): { token: string; hash: string } => {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
};

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
