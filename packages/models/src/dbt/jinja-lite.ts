/**
 * The little Jinja a dbt project read without dbt needs: `env_var()` in profiles, `doc()` in
 * descriptions, `config()`, `ref()` and `source()` in model SQL. Anything else stays as written.
 */

const ENV_VAR = /\{\{\s*env_var\(\s*(['"])([^'"]+)\1\s*(?:,\s*(['"])([^'"]*)\3\s*)?\)\s*(?:\|\s*\w+\s*)*\}\}/g;

/** Renders `{{ env_var('X', 'default') }}`; `undefined` when a variable without default is unset or other Jinja remains. */
export const renderEnvVars = (text: string, env: Record<string, string | undefined>): string | undefined => {
  let missing = false;
  const out = text.replace(ENV_VAR, (_m, _q, name: string, _q2, fallback: string | undefined) => {
    const value = env[name] ?? fallback;
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing || out.includes('{{') ? undefined : out;
};

const DOC = /\{\{\s*doc\(\s*(['"])([^'"]+)\1\s*\)\s*\}\}/g;

/** Replaces `{{ doc("name") }}` with the docs block's text (unknown blocks stay as written). */
export const renderDocs = (text: string, docs: ReadonlyMap<string, string>): string =>
  text.includes('{{') ? text.replace(DOC, (m, _q, name: string) => docs.get(name) ?? m) : text;

const DOCS_BLOCK = /\{%-?\s*docs\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*enddocs\s*-?%\}/g;

/** `{% docs name %}…{% enddocs %}` blocks of a markdown file. */
export const docsBlocks = (markdown: string): [string, string][] =>
  [...markdown.matchAll(DOCS_BLOCK)].map((m) => [m[1]!, m[2]!.trim()]);

const CONFIG = /\{\{\s*config\s*\(([\s\S]*?)\)\s*\}\}/g;
const KWARG = /(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|True|False|true|false|\[[^\]]*\])/g;

const literal = (text: string): unknown => {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text.startsWith('[')) return [...text.matchAll(/(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]);
  return text.slice(1, -1);
};

/** Simple keyword arguments of `{{ config(...) }}` calls: text, booleans, lists of text. */
export const sqlConfig = (sql: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const call of sql.matchAll(CONFIG)) {
    for (const kw of call[1]!.matchAll(KWARG)) out[kw[1]!] = literal(kw[2]!);
  }
  return out;
};

const REF = /\bref\(\s*(['"])([^'"]+)\1(?:\s*,\s*(['"])([^'"]+)\3)?/g;
const SOURCE = /\bsource\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]+)\3/g;

/** Models (`ref`) and sources (`source`) a model's SQL reads. */
export const sqlDependencies = (sql: string): { refs: string[]; sources: string[] } => ({
  refs: [...new Set([...sql.matchAll(REF)].map((m) => m[4] ?? m[2]!))],
  sources: [...new Set([...sql.matchAll(SOURCE)].map((m) => `${m[2]}.${m[4]}`))],
});
