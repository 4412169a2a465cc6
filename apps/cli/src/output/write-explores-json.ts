import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Explore, ExploreError } from '@tessera/core';

/**
 * Writes `{"explores": [...]}` one explore at a time, so memory holds one explore's JSON, not the
 * whole file (a large project's output is hundreds of megabytes).
 */
export const writeExploresJson = async (file: string, explores: readonly (Explore | ExploreError)[]): Promise<void> => {
  const out = createWriteStream(file);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    await write('{"explores":[');
    for (let i = 0; i < explores.length; i++) await write((i ? ',\n' : '\n') + JSON.stringify(explores[i]));
    await write('\n]}\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
};
