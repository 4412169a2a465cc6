import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry point, as `npm start` runs it: a fresh TESSERA_HOME, the first admin from the
 * environment, a restart that keeps every account, and a clean shutdown on SIGTERM.
 */
const serverEntry = path.resolve(import.meta.dirname, 'main.ts');
const children: ChildProcess[] = [];
let home: string;

const start = (env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
      env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && /Tessera is ready/.test(output)) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (home) await rm(home, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts from an empty TESSERA_HOME, creates the admin, keeps accounts across a restart', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'tessera-home-'));
    const env = { TESSERA_HOME: home, TESSERA_ADMIN_EMAIL: 'boss@example.com', TESSERA_ADMIN_PASSWORD: 'first-admin-1' };
    const first = await start(env);
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect((await stat(path.join(home, 'secret'))).mode & 0o777).toBe(0o600);
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    const login = await fetch(`${second.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'first-admin-1' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { results: { role: string } }).results.role).toBe('admin');
    expect(second.output()).not.toMatch(/setup\?token=/);
    expect(await stop(second.child)).toBe(0);
  }, 60_000);

  it('stops with a message naming the variable when the configuration is bad', async () => {
    await expect(start({ PORT: 'eighty', TESSERA_HOME: path.join(os.tmpdir(), 'unused') })).rejects.toThrow(/PORT/);
  }, 30_000);
});
