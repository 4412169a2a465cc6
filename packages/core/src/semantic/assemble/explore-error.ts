import { formatDiagnostic } from '../diagnostics/error-reporter.js';
import type { Diagnostic } from '../diagnostics/error-reporter.js';
import type { CompileWarning, ExploreError, InlineError } from '../types/explore.js';
import type { TableUnit } from '../table-unit.js';
import { friendlyName } from '../util/friendly-name.js';

/** A model's own findings shown inside explore `name` (unless already placed in an explore). */
export const inExplore = (diagnostics: readonly Diagnostic[], name: string): Diagnostic[] =>
  diagnostics.map((d) => (d.breadcrumbs[0]?.startsWith('explore ') ? d : { ...d, breadcrumbs: [`explore ${name}`, ...d.breadcrumbs] }));

export const inlineError = (d: Diagnostic): InlineError => ({ type: d.type, message: formatDiagnostic(d) });
export const compileWarning = (d: Diagnostic): CompileWarning => ({ message: formatDiagnostic(d) });

/** The explore `name` of model `unit`, failed: its label and tags as far as they are known, and every error. */
export const exploreError = (name: string, unit: TableUnit, errors: readonly Diagnostic[], label?: string): ExploreError => {
  const { spec } = unit;
  const out: ExploreError = {
    name,
    label: label ?? (name === unit.name ? spec.draft.label : friendlyName(name)),
    tags: spec.exploreDefaults.tags,
    type: 'default',
    errors: errors.filter((d) => d.severity === 'error').map(inlineError),
    baseTable: unit.name,
    ymlPath: spec.file,
  };
  if (spec.exploreDefaults.groupLabel) out.groupLabel = spec.exploreDefaults.groupLabel;
  if (spec.sqlPath) out.sqlPath = spec.sqlPath;
  return out;
};
