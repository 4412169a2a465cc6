import type { Explore, ExploreError } from '@tessera/core';
import { isExploreError } from '@tessera/core';
import type { LoadDiagnostic } from '@tessera/models';

export interface SummaryInput {
  source: string;
  models: number;
  explores: readonly (Explore | ExploreError)[];
  loadDiagnostics: readonly LoadDiagnostic[];
  loadMs: number;
  compileMs: number;
  peakRssBytes: number;
  verbose: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ms = (n: number) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);

/** The human summary of a compile: counts, every error with its breadcrumbs, warnings on demand. */
export const formatSummary = (s: SummaryInput): string => {
  const lines: string[] = [];
  for (const d of s.loadDiagnostics) {
    if (d.severity === 'error' || s.verbose) lines.push(`${d.severity === 'error' ? '✗' : '!'} ${d.file}: ${d.message}`);
  }
  const failed = s.explores.filter(isExploreError);
  const warned = s.explores.filter((e): e is Explore => !isExploreError(e) && (e.warnings?.length ?? 0) > 0);
  for (const e of failed) {
    lines.push(`✗ ${e.name}`);
    for (const err of e.errors) lines.push(`    ${err.message}`);
  }
  for (const e of warned) {
    if (s.verbose) {
      lines.push(`! ${e.name}`);
      for (const w of e.warnings ?? []) lines.push(`    ${w.message}`);
    }
  }
  const warnings = warned.reduce((n, e) => n + (e.warnings?.length ?? 0), 0);
  const loadWarnings = s.loadDiagnostics.filter((d) => d.severity === 'warning').length;
  if (lines.length) lines.push('');
  lines.push(`Read ${plural(s.models, 'model')} (${s.source}) in ${ms(s.loadMs)}`);
  lines.push(
    `Compiled ${plural(s.explores.length, 'explore')}: ${s.explores.length - failed.length} ok, ${failed.length} with errors, ` +
      `${plural(warnings + loadWarnings, 'warning')} — ${ms(s.compileMs)} (peak RSS ${Math.round(s.peakRssBytes / 1048576)} MB)`,
  );
  if (!s.verbose && warnings + loadWarnings > 0) lines.push('Run with --verbose to list the warnings.');
  return lines.join('\n');
};
