import type { LoadDiagnostic } from '../model-source.js';
import { isObject, textListOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';

/** A named view or explore with the file it comes from. */
export interface Named {
  name: string;
  file: string;
  body: LookmlObject;
}

/**
 * `over` laid over `base` like LookML does for `extends` and refinements: named children
 * (`dimension: x`) and nested blocks merge key by key, anything else (text, lists) is replaced.
 */
export const mergeLookml = (base: LookmlObject, over: LookmlObject): LookmlObject => {
  const out: LookmlObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '$strings') continue;
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? mergeLookml(current, value) : value;
  }
  return out;
};

/** Refinements (`view: +name {}`) applied in file order; one naming nothing is a warning. */
export const applyRefinements = (items: Map<string, Named>, refinements: Named[], kind: string, diagnostics: LoadDiagnostic[]): void => {
  for (const refinement of refinements) {
    const target = items.get(refinement.name);
    if (!target) {
      diagnostics.push({ severity: 'warning', file: refinement.file, message: `refinement of ${kind} "${refinement.name}", which is not defined; ignored` });
      continue;
    }
    target.body = mergeLookml(target.body, refinement.body);
  }
};

/**
 * `extends: [a, b]` resolved: the parents merged in order, then the item itself over them.
 * An unknown parent or a cycle is a warning and that parent is skipped.
 */
export const resolveExtends = (items: Map<string, Named>, kind: string, diagnostics: LoadDiagnostic[]): void => {
  const done = new Set<string>();
  const resolve = (item: Named, stack: string[]): LookmlObject => {
    if (done.has(item.name) || item.body.extends === undefined) return item.body;
    let merged: LookmlObject = {};
    for (const parentName of textListOf(item.body.extends)) {
      const parent = items.get(parentName);
      if (!parent || stack.includes(parentName)) {
        const why = parent ? `extends "${parentName}" in a cycle (${[...stack, parentName].join(' → ')})` : `extends "${parentName}", which is not defined`;
        diagnostics.push({ severity: 'warning', file: item.file, message: `${kind} ${item.name} ${why}; that parent is ignored` });
        continue;
      }
      merged = mergeLookml(merged, resolve(parent, [...stack, parentName]));
    }
    // `extension: required` is not inherited; everything else of the item wins over its parents.
    const { extension: _inherited, ...parents } = merged;
    const { extends: _extends, ...own } = item.body;
    item.body = mergeLookml(parents, own);
    done.add(item.name);
    return item.body;
  };
  for (const item of items.values()) resolve(item, [item.name]);
};

/** Named blocks of one kind in a parsed file, refinements (`+name`, which the parser lists) apart. */
export const namedBlocks = (parsed: LookmlObject, kind: string, file: string): { items: Named[]; refinements: Named[] } => {
  const group = parsed[kind];
  const items: Named[] = [];
  const refinements: Named[] = [];
  if (!isObject(group)) return { items, refinements };
  for (const [key, value] of Object.entries(group)) {
    if (key.startsWith('$')) continue;
    const bodies = (Array.isArray(value) ? value : [value]).filter(isObject);
    if (key.startsWith('+')) bodies.forEach((body) => refinements.push({ name: key.slice(1), file, body }));
    else bodies.forEach((body) => items.push({ name: key, file, body }));
  }
  return { items, refinements };
};
