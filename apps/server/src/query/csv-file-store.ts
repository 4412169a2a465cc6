import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What is known about an export file, kept beside it as `<jobUuid>.json`. */
export type CsvFileMeta = {
  jobUuid: string;
  projectUuid: string;
  /** Who exported it: the rows follow that user's row-level security, so only they may download it. */
  userUuid: string;
  fileName: string;
  rowCount: number;
  truncated: boolean;
  expiresAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * CSV export files on this node's disk: `<dir>/<jobUuid>.csv` plus its metadata. A file is written
 * as `.part` and renamed when complete, so a reader never sees half a file. Files expire:
 * `sweep` deletes expired ones and leftover parts (run at start-up and hourly).
 */
export class CsvFileStore {
  constructor(
    readonly dir: string,
    private readonly expiryMs: number,
    private readonly now: () => Date,
  ) {}

  /** Where a job writes its file while running. */
  async partPath(jobUuid: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return `${this.file(jobUuid, 'csv')}.part`;
  }

  async complete(meta: Omit<CsvFileMeta, 'expiresAt'>): Promise<CsvFileMeta> {
    const full = { ...meta, expiresAt: new Date(this.now().getTime() + this.expiryMs).toISOString() };
    await writeFile(this.file(meta.jobUuid, 'json'), JSON.stringify(full));
    await rename(`${this.file(meta.jobUuid, 'csv')}.part`, this.file(meta.jobUuid, 'csv'));
    return full;
  }

  async discard(jobUuid: string): Promise<void> {
    await rm(`${this.file(jobUuid, 'csv')}.part`, { force: true });
  }

  /** The metadata of a finished file, or undefined (unknown, still running, or swept). */
  async meta(jobUuid: string): Promise<CsvFileMeta | undefined> {
    if (!UUID.test(jobUuid)) return undefined;
    try {
      return JSON.parse(await readFile(this.file(jobUuid, 'json'), 'utf8')) as CsvFileMeta;
    } catch {
      return undefined;
    }
  }

  isExpired(meta: CsvFileMeta): boolean {
    return Date.parse(meta.expiresAt) <= this.now().getTime();
  }

  open(jobUuid: string): ReadStream {
    return createReadStream(this.file(jobUuid, 'csv'));
  }

  async sweep(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const now = this.now().getTime();
    for (const name of names) {
      const jobUuid = name.split('.')[0] ?? '';
      if (!UUID.test(jobUuid)) continue;
      if (name.endsWith('.json')) {
        const meta = await this.meta(jobUuid);
        if (meta && !this.isExpired(meta)) continue;
        await rm(this.file(jobUuid, 'csv'), { force: true });
        await rm(this.file(jobUuid, 'json'), { force: true });
      } else if (name.endsWith('.part')) {
        // A part older than the expiry belongs to a job that died with a previous run.
        const info = await stat(path.join(this.dir, name)).catch(() => undefined);
        if (info && info.mtimeMs + this.expiryMs <= now) await rm(path.join(this.dir, name), { force: true });
      }
    }
  }

  private file(jobUuid: string, extension: 'csv' | 'json'): string {
    if (!UUID.test(jobUuid)) throw new Error(`not a job uuid: ${jobUuid}`);
    return path.join(this.dir, `${jobUuid.toLowerCase()}.${extension}`);
  }
}
