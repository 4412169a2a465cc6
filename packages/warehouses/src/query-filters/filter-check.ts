import { compileFilterRule, ParameterError, type DimensionType, type FilterContext, type FilterRule } from '@tessera/core';
import { referencePredicate, ReferenceRejection, type RowValue } from '../../../core/src/query/filters/testing/reference.js';
import { matchingIds, type TestEngine } from './test-engines.js';

/** One rule to check against a column of known values. */
export interface RuleCase {
  rule: FilterRule;
  type: DimensionType;
  ctx: FilterContext;
  caseSensitive: boolean;
}

export interface CheckResult {
  mismatches: Mismatch[];
  /** Cases the compiler accepted (and the engine ran). */
  accepted: number;
  /** Accepted cases that keep some rows but not all: the ones that test something. */
  selective: number;
}

export interface Mismatch {
  rule: FilterRule;
  type: DimensionType;
  sql?: string;
  problem: string;
}

const short = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** matchingIds, but when a batch fails each condition is run alone to tell which one the engine refused. */
const idsOrErrors = async (engine: TestEngine, table: string, conditions: readonly string[]): Promise<(number[] | Error)[]> => {
  try {
    return await matchingIds(engine, table, conditions);
  } catch {
    const results: (number[] | Error)[] = [];
    for (const condition of conditions) {
      try {
        results.push((await matchingIds(engine, table, [condition]))[0]!);
      } catch (error) {
        results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return results;
  }
};

/**
 * Compiles every case for `column` of `table`, runs them on the engine and compares the kept ids
 * with the reference evaluator's verdict on `values` (row i + 1 holds values[i]). A case the
 * compiler refuses must be one the reference refuses, with a ParameterError; anything else that
 * is thrown (an engine error included) is a mismatch.
 */
export const checkRules = async (
  engine: TestEngine,
  table: string,
  column: string,
  values: readonly RowValue[],
  cases: readonly RuleCase[],
  upper?: (text: string) => string,
): Promise<CheckResult> => {
  const mismatches: Mismatch[] = [];
  const compiled: { index: number; sql: string; expected: number[] }[] = [];
  cases.forEach((c, index) => {
    let sql: string | undefined;
    let compileError: unknown;
    try {
      sql = compileFilterRule(c.rule, { sql: column, type: c.type, caseSensitive: c.caseSensitive, fieldId: 'f' }, engine.dialect, c.ctx);
    } catch (error) {
      compileError = error;
    }
    let expected: number[] | undefined;
    let referenceError: unknown;
    try {
      const options = { caseSensitive: c.caseSensitive, ...(upper ? { upper } : {}) };
      const keeps = referencePredicate(c.rule, c.type, c.ctx, options) ?? (() => true);
      expected = values.flatMap((value, i) => (keeps(value) ? [i + 1] : []));
    } catch (error) {
      referenceError = error;
    }
    if (compileError !== undefined) {
      if (!(compileError instanceof ParameterError)) {
        mismatches.push({ rule: c.rule, type: c.type, problem: `compiler threw ${String(compileError)}, not a ParameterError` });
      } else if (!(referenceError instanceof ReferenceRejection)) {
        mismatches.push({ rule: c.rule, type: c.type, problem: `compiler refused (${compileError.message}) but the reference accepts` });
      }
      return;
    }
    if (referenceError !== undefined) {
      mismatches.push({ rule: c.rule, type: c.type, sql, problem: `reference refused (${String(referenceError)}) but the compiler accepts` });
      return;
    }
    compiled.push({ index, sql: sql!, expected: expected! });
  });
  const actual = await idsOrErrors(engine, table, compiled.map((c) => c.sql));
  compiled.forEach((c, i) => {
    const got = actual[i]!;
    if (got instanceof Error) {
      mismatches.push({ rule: cases[c.index]!.rule, type: cases[c.index]!.type, sql: c.sql, problem: `the engine failed: ${got.message}` });
      return;
    }
    if (got.join(',') === c.expected.join(',')) return;
    const missing = c.expected.filter((id) => !got.includes(id));
    const extra = got.filter((id) => !c.expected.includes(id));
    const show = (ids: number[]) => short(ids.slice(0, 8).map((id) => values[id - 1]));
    const { rule, type } = cases[c.index]!;
    mismatches.push({ rule, type, sql: c.sql, problem: `missing ${show(missing)}; extra ${show(extra)}` });
  });
  const selective = compiled.filter((c) => c.expected.length > 0 && c.expected.length < values.length).length;
  return { mismatches, accepted: compiled.length, selective };
};

/** Compact text of mismatches for an assertion message. */
export const describeMismatches = (mismatches: readonly Mismatch[], limit = 10): string =>
  mismatches
    .slice(0, limit)
    .map((m) => `${m.type} ${short({ operator: m.rule.operator, values: m.rule.values, settings: m.rule.settings, cs: m.rule.caseSensitive })}\n  ${m.sql ? `${m.sql.slice(0, 400)}\n  ` : ''}${m.problem}`)
    .join('\n');
