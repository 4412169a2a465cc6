import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ColumnDefinition, ModelDefinition } from '@tessera/core';
import { relativePath, walkFiles } from '../fs/walk.js';
import { isPlainObject, mergeMeta } from '../meta-merge.js';
import type { LoadDiagnostic, LoadResult, ModelSource, ModelSourceFactory, ModelSourceOptions } from '../model-source.js';
import { readYaml } from '../yaml-file.js';
import { docsBlocks, renderDocs, sqlConfig, sqlDependencies } from './jinja-lite.js';
import { readProfileTarget } from './profiles.js';
import { applyConfig, projectConfigFor } from './project-config.js';

interface YamlModel {
  entry: Record<string, unknown>;
  file: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * A dbt project directory read without dbt: `dbt_project.yml`, the model paths' `.sql`, `.yml`
 * and docs `.md` files, and the profile's target for database and schema. Configs combine like
 * dbt's (project < YAML < SQL `config()`): meta deep-merged, tags accumulated, custom schemas
 * named `<target schema>_<custom>`. Models with YAML become definitions with columns; SQL files
 * without YAML become definitions without columns (their explores report it).
 */
export class DbtProjectSource implements ModelSource {
  readonly kind = 'dbt-project';

  constructor(
    readonly location: string,
    private readonly options: ModelSourceOptions = {},
  ) {}

  async load(): Promise<LoadResult> {
    const root = this.location;
    const diagnostics: LoadDiagnostic[] = [];
    const project = await readYaml(path.join(root, 'dbt_project.yml'), 'dbt_project.yml', diagnostics);
    if (!isPlainObject(project)) {
      if (!diagnostics.length) diagnostics.push({ severity: 'error', file: 'dbt_project.yml', message: 'not a dbt project file' });
      return { models: [], diagnostics };
    }
    const env = this.options.env ?? process.env;
    const profile = await readProfileTarget(root, text(project.profile), { ...this.options, env }, diagnostics);
    const schema = profile.schema ?? this.options.defaultSchema;
    const database = profile.database ?? this.options.defaultDatabase;
    if (!schema) diagnostics.push({ severity: 'warning', file: 'dbt_project.yml', message: 'no profile target schema found and no default schema given; relations are unqualified' });

    const modelPaths = list(project['model-paths'] ?? project['source-paths'] ?? ['models']).filter((p): p is string => typeof p === 'string');
    const seedPaths = list(project['seed-paths'] ?? project['data-paths'] ?? ['seeds']).filter((p): p is string => typeof p === 'string');
    const seeds = new Set<string>();
    for (const dir of seedPaths) for (const f of await walkFiles(path.join(root, dir), (n) => n.endsWith('.csv'))) seeds.add(path.basename(f, '.csv'));

    const docs = new Map<string, string>();
    const yamlModels = new Map<string, YamlModel>();
    const sqlFiles: { file: string; dir: string }[] = [];
    for (const dir of modelPaths) {
      const base = path.join(root, dir);
      const files = await walkFiles(base, (n) => /\.(sql|ya?ml|md)$/.test(n));
      for (const file of files) {
        const shown = relativePath(root, file);
        if (file.endsWith('.md')) for (const [name, body] of docsBlocks(await readFile(file, 'utf8'))) docs.set(name, body);
        else if (file.endsWith('.sql')) sqlFiles.push({ file, dir: base });
        else await this.collectYaml(file, shown, yamlModels, diagnostics);
      }
    }

    const projectName = text(project.name) ?? '';
    const models: ModelDefinition[] = [];
    const seen = new Set<string>();
    for (const { file, dir } of sqlFiles) {
      const name = path.basename(file, '.sql');
      const sql = await readFile(file, 'utf8');
      const folders = path.relative(dir, path.dirname(file)).split(path.sep).filter(Boolean);
      const yaml = yamlModels.get(name);
      let config = projectConfigFor(project.models, [projectName, ...folders, name]);
      if (yaml) {
        // `meta` under the model, then its `config:` (config.meta wins, as in dbt ≥ 1.10).
        config = applyConfig(config, { meta: yaml.entry.meta, tags: yaml.entry.tags });
        config = applyConfig(config, isPlainObject(yaml.entry.config) ? yaml.entry.config : {});
      }
      config = applyConfig(config, sqlConfig(sql));
      seen.add(name);
      if (config.enabled === false || config.materialized === 'ephemeral') continue;

      const deps = sqlDependencies(sql);
      const nodeSchema = config.schema ? (schema ? `${schema}_${config.schema}` : config.schema) : schema;
      const nodeDatabase = config.database ?? database;
      const model: ModelDefinition = {
        name,
        path: yaml?.file ?? relativePath(root, file),
        sqlPath: relativePath(root, file),
        relation: {
          kind: 'table',
          identifier: config.alias ?? name,
          ...(nodeDatabase ? { database: nodeDatabase } : {}),
          ...(nodeSchema ? { schema: nodeSchema } : {}),
        },
        tags: config.tags,
        meta: config.meta,
        columns: yaml ? this.columns(yaml.entry, docs) : [],
        dependsOn: [
          ...deps.refs.map((r) => ({ type: seeds.has(r) ? ('seed' as const) : ('model' as const), name: r })),
          ...deps.sources.map((s) => ({ type: 'source' as const, name: s })),
        ],
      };
      const description = text(yaml?.entry.description);
      if (description) model.description = renderDocs(description, docs).trim();
      models.push(model);
    }
    for (const [name, yaml] of yamlModels) {
      if (!seen.has(name)) diagnostics.push({ severity: 'warning', file: yaml.file, message: `model "${name}" has no SQL file in the model paths; skipped` });
    }
    return profile.targetDatabase ? { models, targetDatabase: profile.targetDatabase, diagnostics } : { models, diagnostics };
  }

  private async collectYaml(file: string, shown: string, into: Map<string, YamlModel>, diagnostics: LoadDiagnostic[]) {
    const doc = await readYaml(file, shown, diagnostics);
    if (!isPlainObject(doc)) return;
    for (const entry of list(doc.models)) {
      if (!isPlainObject(entry) || typeof entry.name !== 'string') continue;
      const previous = into.get(entry.name);
      if (previous) {
        diagnostics.push({ severity: 'warning', file: shown, message: `model "${entry.name}" is already described in ${previous.file}; this entry is ignored` });
      } else {
        into.set(entry.name, { entry, file: shown });
      }
    }
  }

  private columns(entry: Record<string, unknown>, docs: ReadonlyMap<string, string>): ColumnDefinition[] {
    const out: ColumnDefinition[] = [];
    for (const c of list(entry.columns)) {
      if (!isPlainObject(c) || typeof c.name !== 'string') continue;
      const column: ColumnDefinition = { name: c.name, meta: mergeMeta(c.meta, isPlainObject(c.config) ? c.config.meta : undefined) };
      const description = text(c.description);
      if (description) column.description = renderDocs(description, docs).trim();
      const dataType = text(c.data_type);
      if (dataType) column.dataType = dataType;
      out.push(column);
    }
    return out;
  }
}

export const dbtProjectSourceFactory: ModelSourceFactory = {
  kind: 'dbt-project',
  detect: async (p) => (await stat(path.join(p, 'dbt_project.yml')).catch(() => undefined))?.isFile() === true,
  create: (p, options) => new DbtProjectSource(p, options),
};
