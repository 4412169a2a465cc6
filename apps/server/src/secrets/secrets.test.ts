import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCipher } from './cipher.js';
import { resolveSecret } from './secret-file.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('TESSERA_SECRET', () => {
  it('is generated once under TESSERA_HOME with mode 0600 and reused', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-secret-'));
    const home = path.join(dir, 'home');
    const first = await resolveSecret(undefined, home);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(path.join(home, 'secret'))).mode & 0o777).toBe(0o600);
    expect(await resolveSecret(undefined, home)).toBe(first);
    expect((await readFile(path.join(home, 'secret'), 'utf8')).trim()).toBe(first);
  });

  it('uses the configured value when given', async () => {
    expect(await resolveSecret('s'.repeat(40), '/nonexistent')).toBe('s'.repeat(40));
  });
});

describe('AES-256-GCM cipher', () => {
  const cipher = createCipher('a'.repeat(64));

  it('round-trips and never shows the plaintext', () => {
    const stored = cipher.encrypt('{"password":"hunter2"}');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('hunter2');
    expect(cipher.decrypt(stored)).toBe('{"password":"hunter2"}');
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('refuses tampered values and other keys', () => {
    const stored = cipher.encrypt('secret');
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createCipher('b'.repeat(64)).decrypt(stored)).toThrow();
    expect(() => cipher.decrypt('garbage')).toThrow(/Unrecognised/);
  });
});
