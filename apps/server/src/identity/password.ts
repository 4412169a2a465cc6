import { hash, verify } from '@node-rs/argon2';
import { ParameterError } from '@tessera/core';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = async (stored: string | null, password: string): Promise<boolean> => {
  if (stored === null) {
    // Same cost as a real check, so response time does not reveal which accounts exist.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

/** At least 8 characters with a letter and a digit or symbol (the anchor's rule). */
export const assertPasswordRule = (password: string): void => {
  if (password.length < 8 || !/[a-zA-Z]/.test(password) || !/[^a-zA-Z]/.test(password)) {
    throw new ParameterError(
      'Password must be at least 8 characters long and contain a letter and a number or a special character',
    );
  }
};
