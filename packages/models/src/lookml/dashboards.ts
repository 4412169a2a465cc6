import path from 'node:path';
import { relativePath, walkFiles } from '../fs/walk.js';
import type { LoadDiagnostic } from '../model-source.js';
import { readYaml } from '../yaml-file.js';
import type { LookmlDashboard, LookmlDashboardElement, LookmlDashboardFilter } from './dashboard-types.js';
import { isObject, numberOf, textListOf, textOf, yesNoOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';
import { readLookmlProject } from './lookml-project.js';
import type { LookmlModelFile } from './lookml-project.js';

const DASHBOARD_FILE = /\.dashboard\.(lookml|lkml)$/;

/** `include:` glob (`/dashboards/*.dashboard`) → a test on a project-relative path; the extension may be left out. */
const includeMatcher = (pattern: string, modelDir: string): ((file: string) => boolean) => {
  const absolute = pattern.startsWith('/');
  const glob = absolute ? pattern.slice(1) : path.posix.join(modelDir, pattern);
  const source = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part === '**' || part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}(?:\\.lookml|\\.lkml)?$`);
  return (file) => re.test(file);
};

/** The model that includes the file, else the only model file of the project. */
const modelOfFile = (file: string, models: LookmlModelFile[]): string | undefined => {
  for (const model of models) {
    const dir = path.posix.dirname(model.file);
    if (model.includes.some((pattern) => includeMatcher(pattern, dir === '.' ? '' : dir)(file))) return model.name;
  }
  return models.length === 1 ? models[0]!.name : undefined;
};

const textMapOf = (value: unknown): Record<string, string> => {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
};

const elementOf = (raw: LookmlObject): LookmlDashboardElement => {
  const name = textOf(raw.name) ?? '';
  const element: LookmlDashboardElement = {
    name,
    title: textOf(raw.title) || textOf(raw.title_text) || name,
    type: textOf(raw.type) ?? '',
    fields: textListOf(raw.fields),
    filters: textMapOf(raw.filters),
    sorts: textListOf(raw.sorts),
    pivots: textListOf(raw.pivots),
    listen: textMapOf(raw.listen),
    raw,
  };
  const model = textOf(raw.model);
  if (model) element.model = model;
  const explore = textOf(raw.explore);
  if (explore) element.explore = explore;
  for (const key of ['limit', 'row', 'col', 'width', 'height'] as const) {
    const n = numberOf(raw[key]);
    if (n !== undefined) element[key] = n;
  }
  for (const key of ['title_text', 'subtitle_text', 'body_text', 'note_text'] as const) {
    const text = typeof raw[key] === 'string' ? raw[key] : undefined;
    if (text !== undefined) element[key] = text;
  }
  return element;
};

const filterOf = (raw: LookmlObject): LookmlDashboardFilter => {
  const name = textOf(raw.name) ?? '';
  const filter: LookmlDashboardFilter = {
    name,
    title: textOf(raw.title) ?? name,
    type: textOf(raw.type) ?? 'field_filter',
    listens_to_filters: textListOf(raw.listens_to_filters),
  };
  if (raw.default_value !== undefined && raw.default_value !== null) filter.default_value = String(raw.default_value);
  const allowMultiple = yesNoOf(raw.allow_multiple_values);
  if (allowMultiple !== undefined) filter.allow_multiple_values = allowMultiple;
  const required = yesNoOf(raw.required);
  if (required !== undefined) filter.required = required;
  for (const key of ['model', 'explore', 'field'] as const) {
    const text = textOf(raw[key]);
    if (text) filter[key] = text;
  }
  if (isObject(raw.ui_config)) filter.ui_config = raw.ui_config;
  return filter;
};

/** One `- dashboard: name` document of a file. */
const dashboardOf = (raw: LookmlObject, file: string, fileModel: string | undefined, diagnostics: LoadDiagnostic[]): LookmlDashboard | undefined => {
  const name = textOf(raw.dashboard);
  if (!name) {
    diagnostics.push({ severity: 'error', file, message: 'a LookML dashboard needs "dashboard: <name>"; skipped' });
    return undefined;
  }
  const rawElements = Array.isArray(raw.elements) ? raw.elements : [];
  const elements: LookmlDashboardElement[] = [];
  rawElements.forEach((item, i) => {
    if (!isObject(item)) {
      diagnostics.push({ severity: 'error', file, message: `dashboard ${name} → element ${i + 1} is not a mapping; skipped` });
      return;
    }
    elements.push(elementOf(item));
  });
  const model = fileModel ?? elements.find((e) => e.model)?.model;
  if (!model) {
    diagnostics.push({ severity: 'error', file, message: `dashboard ${name}: no model file includes it and no element names a model; skipped` });
    return undefined;
  }
  const dashboard: LookmlDashboard = {
    id: `${model}::${name}`,
    model,
    name,
    title: textOf(raw.title) ?? name,
    elements,
    filters: (Array.isArray(raw.filters) ? raw.filters : []).filter(isObject).map(filterOf),
    raw,
  };
  const description = textOf(raw.description);
  if (description) dashboard.description = description;
  const layout = textOf(raw.layout);
  if (layout) dashboard.layout = layout;
  return dashboard;
};

/**
 * Every `*.dashboard.lookml` under `dir` (YAML: a list of `- dashboard: name` entries), with ids
 * `<model>::<name>`: the model is the model file whose `include:` names the file (else the only
 * model file, else the first element's model). Problems are diagnostics; one bad file does not
 * stop the others.
 */
export const loadLookmlDashboards = async (dir: string): Promise<{ dashboards: LookmlDashboard[]; diagnostics: LoadDiagnostic[] }> => {
  const diagnostics: LoadDiagnostic[] = [];
  const files = await walkFiles(dir, (n) => DASHBOARD_FILE.test(n));
  const models = files.length ? (await readLookmlProject(dir, [])).models : [];
  const dashboards: LookmlDashboard[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const shownAs = relativePath(dir, file);
    const doc = await readYaml(file, shownAs, diagnostics, { version: '1.2' });
    if (doc === undefined) continue;
    const entries = Array.isArray(doc) ? doc : [doc];
    for (const entry of entries) {
      if (!isObject(entry)) {
        diagnostics.push({ severity: 'error', file: shownAs, message: 'a LookML dashboard file holds a list of "- dashboard: <name>" mappings' });
        continue;
      }
      const dashboard = dashboardOf(entry, shownAs, modelOfFile(shownAs, models), diagnostics);
      if (!dashboard) continue;
      if (seen.has(dashboard.id)) {
        diagnostics.push({ severity: 'error', file: shownAs, message: `dashboard ${dashboard.id} is defined twice; the first definition is kept` });
        continue;
      }
      seen.add(dashboard.id);
      dashboards.push(dashboard);
    }
  }
  return { dashboards, diagnostics };
};
