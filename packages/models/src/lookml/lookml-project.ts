import { readFile } from 'node:fs/promises';
import path from 'node:path';
import lookmlParser from 'lookml-parser';
import { relativePath, walkFiles } from '../fs/walk.js';
import type { LoadDiagnostic } from '../model-source.js';
import { applyRefinements, namedBlocks, resolveExtends } from './lookml-inheritance.js';
import type { Named } from './lookml-inheritance.js';
import { childrenOf, textListOf, textOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';

export interface LookmlView {
  name: string;
  file: string;
  view: LookmlObject;
}

export interface LookmlExplore {
  name: string;
  file: string;
  explore: LookmlObject;
}

export interface LookmlModelFile {
  /** The file name without `.model.lkml`. */
  name: string;
  file: string;
  includes: string[];
  /** `named_value_format: name { value_format: … }`. */
  namedValueFormats: Record<string, string>;
}

/** Every LookML file of a project directory, parsed (dashboards are read separately: they are YAML). */
export interface LookmlProject {
  root: string;
  views: Map<string, LookmlView>;
  explores: LookmlExplore[];
  models: LookmlModelFile[];
  /** `constant: NAME { value: … }` of manifest.lkml, for `@{NAME}`. */
  constants: Record<string, string>;
}

const LKML = /\.lkml$/;

/** Parses one file; a syntax error is a diagnostic and the file is skipped. */
const parseFile = async (file: string, shownAs: string, diagnostics: LoadDiagnostic[]): Promise<LookmlObject | undefined> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    diagnostics.push({ severity: 'error', file: shownAs, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  try {
    return lookmlParser.parse(text);
  } catch (e) {
    diagnostics.push({ severity: 'error', file: shownAs, message: `invalid LookML: ${String(e).replace(/^"|"$/g, '')}` });
    return undefined;
  }
};

/**
 * Reads every `*.lkml` file under `root` (views, explores, models, manifest). All files are read
 * whatever the models' `include:`s say; a view defined twice keeps its first definition (warning),
 * an explore defined twice (included by two models) its first. Refinements (`+name`) are applied,
 * then `extends`; views and explores marked `extension: required` are templates, not kept.
 */
export const readLookmlProject = async (root: string, diagnostics: LoadDiagnostic[]): Promise<LookmlProject> => {
  const project: LookmlProject = { root, views: new Map(), explores: [], models: [], constants: {} };
  const viewBlocks = new Map<string, Named>();
  const exploreBlocks: Named[] = [];
  const viewRefinements: Named[] = [];
  const exploreRefinements: Named[] = [];
  for (const file of await walkFiles(root, (n) => LKML.test(n))) {
    const shownAs = relativePath(root, file);
    const parsed = await parseFile(file, shownAs, diagnostics);
    if (!parsed) continue;
    for (const [name, constant] of childrenOf(parsed, 'constant')) {
      const value = textOf(constant.value);
      if (value !== undefined) project.constants[name] = value;
    }
    const views = namedBlocks(parsed, 'view', shownAs);
    const explores = namedBlocks(parsed, 'explore', shownAs);
    for (const view of views.items) {
      const first = viewBlocks.get(view.name);
      if (first) diagnostics.push({ severity: 'warning', file: shownAs, message: `view "${view.name}" is already defined in ${first.file}; this definition is ignored` });
      else viewBlocks.set(view.name, view);
    }
    exploreBlocks.push(...explores.items);
    viewRefinements.push(...views.refinements);
    exploreRefinements.push(...explores.refinements);
    if (path.basename(file).endsWith('.model.lkml')) {
      const namedValueFormats: Record<string, string> = {};
      for (const [name, format] of childrenOf(parsed, 'named_value_format')) {
        const value = textOf(format.value_format);
        if (value !== undefined) namedValueFormats[name] = value;
      }
      project.models.push({
        name: path.basename(file, '.model.lkml'),
        file: shownAs,
        includes: textListOf(parsed.include),
        namedValueFormats,
      });
    }
  }
  applyRefinements(viewBlocks, viewRefinements, 'view', diagnostics);
  resolveExtends(viewBlocks, 'view', diagnostics);
  const exploresByName = new Map<string, Named>();
  for (const explore of exploreBlocks) if (!exploresByName.has(explore.name)) exploresByName.set(explore.name, explore);
  applyRefinements(exploresByName, exploreRefinements, 'explore', diagnostics);
  resolveExtends(exploresByName, 'explore', diagnostics);
  for (const { name, file, body } of viewBlocks.values()) {
    if (body.extension !== 'required') project.views.set(name, { name, file, view: body });
  }
  for (const { name, file, body } of exploresByName.values()) {
    if (body.extension !== 'required') project.explores.push({ name, file, explore: body });
  }
  return project;
};

/** `@{NAME}` → the manifest constant's value (unknown constants are left as written). */
export const substituteConstants = (text: string, constants: Record<string, string>): string =>
  text.replace(/@\{\s*([A-Za-z0-9_]+)\s*\}/g, (whole, name: string) => constants[name] ?? whole);

