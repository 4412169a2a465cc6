import { readdir } from 'node:fs/promises';
import path from 'node:path';

const SKIPPED = new Set(['node_modules', 'target', 'dbt_packages', 'dbt_modules', 'logs']);

/** Files under `root` (recursively, sorted, hidden and build folders skipped) whose name matches. */
export const walkFiles = async (root: string, match: (name: string) => boolean): Promise<string[]> => {
  const out: string[] = [];
  const visit = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await visit(full);
      } else if (match(entry.name)) {
        out.push(full);
      }
    }
  };
  await visit(root);
  return out;
};

/** A path relative to `root`, with forward slashes (how files are named in messages). */
export const relativePath = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');
