import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for credentials at rest. The key is derived from TESSERA_SECRET with HKDF so the raw
 * secret is never used directly as a key. Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * self-describing so a later key rotation can add `v2` beside it.
 */
export type Cipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
};

export const createCipher = (secret: string): Cipher => {
  const key = Buffer.from(hkdfSync('sha256', secret, 'tessera', 'credentials-v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('Unrecognised encrypted value');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
};
