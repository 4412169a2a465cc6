import { readFile } from 'node:fs/promises';
import { parseAllDocuments, parseDocument } from 'yaml';
import type { LoadDiagnostic } from './model-source.js';

/**
 * Reads one YAML file, reporting problems as diagnostics instead of throwing. dbt files are
 * YAML 1.1 (PyYAML: `yes`/`off` are booleans, duplicate keys allowed, the last one wins).
 */
export const readYaml = async (
  file: string,
  shownAs: string,
  diagnostics: LoadDiagnostic[],
  opts: { version: '1.1' | '1.2' } = { version: '1.1' },
): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    diagnostics.push({ severity: 'error', file: shownAs, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  const doc = parseDocument(text, { version: opts.version, uniqueKeys: false, prettyErrors: true });
  for (const e of doc.errors) diagnostics.push({ severity: 'error', file: shownAs, message: `invalid YAML: ${e.message}` });
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 });
};

/** Every document of a multi-document YAML file (standalone Lightdash YAML, 1.2 like the anchor's js-yaml). */
export const readYamlDocuments = async (file: string, shownAs: string, diagnostics: LoadDiagnostic[]): Promise<unknown[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    diagnostics.push({ severity: 'error', file: shownAs, message: `cannot read: ${(e as Error).message}` });
    return [];
  }
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, prettyErrors: true })) {
    if ('errors' in doc && doc.errors.length) {
      for (const e of doc.errors) diagnostics.push({ severity: 'error', file: shownAs, message: `invalid YAML: ${e.message}` });
      continue;
    }
    out.push(doc.toJS({ maxAliasCount: -1 }));
  }
  return out;
};
