/**
 * `npm run bench` — the API benchmarks. Starts a real server process per metadata store (PGlite
 * always; PostgreSQL when DATABASE_URL is set) and drives it over loopback with autocannon from
 * this process. `livez` (no store, no auth) is measured in the same run as the floor to compare with.
 *
 *   BENCH_DURATION=10 BENCH_CONNECTIONS=50 npm run bench
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = path.resolve(import.meta.dirname, '..');
const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };

type Server = { child: ChildProcess; url: string; home: string };

const startServer = async (databaseUrl: string | undefined): Promise<Server> => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'tessera-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TESSERA_HOME: home,
      DATABASE_URL: databaseUrl ?? '',
      TESSERA_SECRET: databaseUrl ? 'bench-secret-bench-secret-bench-secret' : '',
      TESSERA_ADMIN_EMAIL: ADMIN.email,
      TESSERA_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/api/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, home };
};

const createToken = async (url: string): Promise<string> => {
  const login = await fetch(`${url}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const pat = await fetch(`${url}/api/v1/user/me/personal-access-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ description: 'bench', expiresAt: null }),
  });
  return ((await pat.json()) as { results: { token: string } }).results.token;
};

const load = async (url: string, headers: Record<string, string> = {}) => {
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
};

const stopServer = async (server: Server) => {
  server.child.removeAllListeners('exit');
  await new Promise((r) => {
    server.child.on('exit', r);
    server.child.kill('SIGTERM');
  });
  await rm(server.home, { recursive: true, force: true });
};

const stores: [string, string | undefined][] = [['pglite', undefined]];
if (process.env.DATABASE_URL) stores.push(['postgres', process.env.DATABASE_URL]);
else console.log('(set DATABASE_URL to also measure on PostgreSQL)');

const rows: Record<string, unknown>[] = [];
for (const [store, databaseUrl] of stores) {
  const server = await startServer(databaseUrl);
  try {
    const token = await createToken(server.url);
    await load(`${server.url}/api/v1/user`, { authorization: `ApiKey ${token}` }); // warm-up
    const floor = await load(`${server.url}/api/v1/livez`);
    const user = await load(`${server.url}/api/v1/user`, { authorization: `ApiKey ${token}` });
    rows.push({ store, endpoint: 'GET /api/v1/livez (floor)', ...floor });
    rows.push({ store, endpoint: 'GET /api/v1/user (PAT)', ...user, ratioToFloor: +(user.requestsPerSecond / floor.requestsPerSecond).toFixed(2) });
  } finally {
    await stopServer(server);
  }
}
console.table(rows);
console.log(`target: GET /api/v1/user ≥ 3000 req/s, p99 ≤ 25 ms (${connections} connections, ${duration} s)`);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/api.json'), JSON.stringify({ at: new Date().toISOString(), connections, duration, rows }, null, 2));
