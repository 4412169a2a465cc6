import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ColumnDefinition, ModelDefinition } from '@tessera/core';
import { relativePath, walkFiles } from '../fs/walk.js';
import { isPlainObject } from '../meta-merge.js';
import { targetDatabaseOf } from '../model-source.js';
import type { LoadDiagnostic, LoadResult, ModelSource, ModelSourceFactory } from '../model-source.js';
import { readYaml, readYamlDocuments } from '../yaml-file.js';

const MODEL_TYPES = new Set(['model', 'model/v1beta', 'model/v1']);
/** Top-level keys that are not model meta. */
const STRUCTURAL = new Set(['type', 'name', 'sql_from', 'dimensions', 'description', 'tags']);
/** Dimension keys that belong to the column, not to `meta.dimension`. */
const COLUMN_KEYS = new Set(['name', 'description', 'metrics', 'additional_dimensions']);

/**
 * A standalone Lightdash YAML model (`type: model`): top-level model keys, a `dimensions` list, a
 * `metrics` map, `sql_from`. It becomes a model definition like a dbt one: model keys as meta,
 * each dimension as a column whose `meta.dimension` holds its keys.
 */
export const modelFromYaml = (doc: Record<string, unknown>, file: string): ModelDefinition => {
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!STRUCTURAL.has(key)) meta[key] = value;
  const columns: ColumnDefinition[] = [];
  for (const d of Array.isArray(doc.dimensions) ? doc.dimensions : []) {
    if (!isPlainObject(d) || typeof d.name !== 'string') continue;
    const dimension: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(d)) if (!COLUMN_KEYS.has(key)) dimension[key] = value;
    const column: ColumnDefinition = { name: d.name, meta: { dimension } };
    if (d.metrics !== undefined) column.meta.metrics = d.metrics;
    if (d.additional_dimensions !== undefined) column.meta.additional_dimensions = d.additional_dimensions;
    if (typeof d.description === 'string') column.description = d.description;
    columns.push(column);
  }
  const model: ModelDefinition = {
    name: String(doc.name),
    path: file,
    relation: { kind: 'sql', sql: typeof doc.sql_from === 'string' ? doc.sql_from : '' },
    tags: Array.isArray(doc.tags) ? doc.tags.filter((t): t is string => typeof t === 'string') : [],
    meta,
    columns,
  };
  if (typeof doc.description === 'string') model.description = doc.description;
  return model;
};

/** A folder (or one file) of standalone model YAML; `lightdash.config.yml` may name the warehouse. */
export class YamlModelsSource implements ModelSource {
  readonly kind = 'yaml-models';

  constructor(readonly location: string) {}

  async load(): Promise<LoadResult> {
    const diagnostics: LoadDiagnostic[] = [];
    const isFile = (await stat(this.location)).isFile();
    const root = isFile ? path.dirname(this.location) : this.location;
    const files = isFile ? [this.location] : await walkFiles(root, (n) => /\.ya?ml$/.test(n));
    const models: ModelDefinition[] = [];
    let targetDatabase;
    for (const file of files) {
      const shown = relativePath(root, file);
      if (path.basename(file) === 'lightdash.config.yml') {
        const config = await readYaml(file, shown, diagnostics, { version: '1.2' });
        const warehouse = isPlainObject(config) && isPlainObject(config.warehouse) ? config.warehouse.type : undefined;
        targetDatabase = targetDatabaseOf(warehouse) ?? targetDatabase;
        continue;
      }
      for (const doc of await readYamlDocuments(file, shown, diagnostics)) {
        if (!isPlainObject(doc) || typeof doc.type !== 'string' || !MODEL_TYPES.has(doc.type)) continue;
        if (typeof doc.name !== 'string' || !doc.name) {
          diagnostics.push({ severity: 'error', file: shown, message: 'a model needs a "name"' });
          continue;
        }
        models.push(modelFromYaml(doc, shown));
      }
    }
    return targetDatabase ? { models, targetDatabase, diagnostics } : { models, diagnostics };
  }
}

export const yamlModelsSourceFactory: ModelSourceFactory = {
  kind: 'yaml-models',
  detect: async (p) => {
    const s = await stat(p).catch(() => undefined);
    return s?.isDirectory() === true || (s?.isFile() === true && /\.ya?ml$/.test(p));
  },
  create: (p) => new YamlModelsSource(p),
};
