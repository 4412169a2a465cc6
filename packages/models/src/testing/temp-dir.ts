import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Test helper: a temporary directory filled with `files` (path → text), removed after the test. */
export const useTempDirs = () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async (files: Record<string, string>): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-models-'));
    dirs.push(dir);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    return dir;
  };
};
