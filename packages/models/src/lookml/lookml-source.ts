import { stat } from 'node:fs/promises';
import { walkFiles } from '../fs/walk.js';
import type { LoadDiagnostic, LoadResult, ModelSource, ModelSourceFactory } from '../model-source.js';
import { lookmlToModels } from './lookml-models.js';
import { readLookmlProject } from './lookml-project.js';

const LOOKML_FILE = /\.(model|view)\.lkml$/;

/**
 * A LookML project directory: views and explores (`*.view.lkml`, `*.explore.lkml`,
 * `*.model.lkml`) parsed with lookml-parser and turned into model definitions whose explores are
 * the LookML explores. The warehouse is not named by LookML (only a connection name), so
 * `targetDatabase` is left to the project's warehouse connection.
 */
export class LookmlSource implements ModelSource {
  readonly kind = 'lookml';

  constructor(readonly location: string) {}

  async load(): Promise<LoadResult> {
    const diagnostics: LoadDiagnostic[] = [];
    const project = await readLookmlProject(this.location, diagnostics);
    if (project.views.size === 0) diagnostics.push({ severity: 'error', file: '.', message: 'no LookML views (*.view.lkml) found' });
    return { models: lookmlToModels(project, diagnostics), diagnostics };
  }
}

export const lookmlSourceFactory: ModelSourceFactory = {
  kind: 'lookml',
  detect: async (p) => {
    if ((await stat(p).catch(() => undefined))?.isDirectory() !== true) return false;
    return (await walkFiles(p, (n) => LOOKML_FILE.test(n))).length > 0;
  },
  create: (p) => new LookmlSource(p),
};
