import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import type { ConditionalOperator, MetricFilterRule, UnitOfTime } from '../types/explore.js';
import { UNITS_OF_TIME } from '../types/explore.js';
import { stableUuid } from '../util/content-hash.js';
import { isRecord } from '../util/meta-reader.js';

export interface ParsedFilterValue {
  operator: ConditionalOperator;
  values: unknown[];
  settings?: { unitOfTime: UnitOfTime; completed: boolean };
}

const RELATIVE = /^(inThePast|notInThePast|inTheNext)\s+(\d+(?:\.\d+)?)\s+(completed\s+)?([A-Za-z]+)$/;
const CURRENT = /^(inTheCurrent|notInTheCurrent)\s+([A-Za-z]+)$/;
const BETWEEN = /^between\s+(.+?)\s+and\s+(.+)$/i;
const COMPARISON = /^(>=|<=|>|<)\s*(.+)$/;
const CURRENT_UNITS: readonly UnitOfTime[] = ['days', 'weeks', 'months', 'quarters', 'years'];

const unitOf = (word: string): UnitOfTime | undefined => {
  const w = word.toLowerCase();
  const plural = (w.endsWith('s') ? w : `${w}s`) as UnitOfTime;
  return UNITS_OF_TIME.includes(plural) ? plural : undefined;
};

/** Numeric text becomes a number (comparisons and ranges); anything else stays text. */
const scalar = (text: string): string | number => {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
};

/**
 * One YAML filter value in the anchor's grammar (reference §1.7): `katie`, `!katie`, `%katie%`,
 * `katie%`, `> 4`, `between 1 and 5`, `null`, `!null`, `empty`, `inThePast 14 days`,
 * `inTheCurrent month`, lists, booleans, numbers. A leading backslash makes the rest literal text
 * (`\!important` equals "!important"). Values are typed later, against the target dimension.
 */
export const parseFilterValue = (value: unknown): ParsedFilterValue | { error: string } => {
  if (value === null) return { operator: 'isNull', values: [] };
  if (typeof value === 'boolean' || typeof value === 'number') return { operator: 'equals', values: [value] };
  if (Array.isArray(value)) {
    if (!value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      return { error: 'a list of filter values may only hold text, numbers or booleans' };
    }
    return { operator: 'equals', values: [...value] };
  }
  if (typeof value !== 'string') return { error: `unsupported filter value ${JSON.stringify(value)}` };
  const s = value.trim();
  if (s.startsWith('\\')) return { operator: 'equals', values: [s.slice(1)] };
  const lower = s.toLowerCase();
  if (lower === 'null') return { operator: 'isNull', values: [] };
  if (lower === '!null') return { operator: 'notNull', values: [] };
  if (lower === 'empty') return { operator: 'equals', values: [''] };
  if (lower === '!empty') return { operator: 'notEquals', values: [''] };

  const relative = RELATIVE.exec(s);
  if (relative) {
    const unit = unitOf(relative[4]!);
    if (!unit) return { error: `unknown unit of time "${relative[4]}" in "${s}"; expected one of ${UNITS_OF_TIME.join(', ')}` };
    return {
      operator: relative[1] as ConditionalOperator,
      values: [Number(relative[2])],
      settings: { unitOfTime: unit, completed: relative[3] !== undefined },
    };
  }
  const current = CURRENT.exec(s);
  if (current) {
    const unit = unitOf(current[2]!);
    if (!unit || !CURRENT_UNITS.includes(unit)) {
      return { error: `"${current[1]}" takes day, week, month, quarter or year, got "${current[2]}"` };
    }
    return { operator: current[1] as ConditionalOperator, values: [1], settings: { unitOfTime: unit, completed: false } };
  }
  const between = BETWEEN.exec(s);
  if (between) return { operator: 'inBetween', values: [scalar(between[1]!), scalar(between[2]!)] };
  const comparison = COMPARISON.exec(s);
  if (comparison) {
    const operator = ({ '>': 'greaterThan', '>=': 'greaterThanOrEqual', '<': 'lessThan', '<=': 'lessThanOrEqual' } as const)[
      comparison[1] as '>' | '>=' | '<' | '<='
    ];
    return { operator, values: [scalar(comparison[2]!)] };
  }
  if (s.startsWith('!')) {
    const rest = s.slice(1);
    if (rest.length >= 2 && rest.startsWith('%') && rest.endsWith('%')) return { operator: 'doesNotInclude', values: [rest.slice(1, -1)] };
    return { operator: 'notEquals', values: [rest] };
  }
  if (s.length >= 2 && s.startsWith('%') && s.endsWith('%')) return { operator: 'include', values: [s.slice(1, -1)] };
  if (s.length >= 2 && s.endsWith('%')) return { operator: 'startsWith', values: [s.slice(0, -1)] };
  if (s.length >= 2 && s.startsWith('%')) return { operator: 'endsWith', values: [s.slice(1)] };
  return { operator: 'equals', values: [s] };
};

/**
 * A YAML filter list (`filters`, `default_filters`, `required_filters`): one-key mappings
 * `field_ref: value`, plus an optional `required` flag. Rule ids are stable: derived from `idSeed`,
 * the position and the content, so recompiling the same YAML yields the same ids.
 */
export const parseFilterList = (
  list: unknown,
  reporter: ErrorReporter,
  idSeed: string,
  opts: { allowRequired: boolean },
): MetricFilterRule[] => {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    reporter.error('filters must be a list of "field: value" entries');
    return [];
  }
  const rules: MetricFilterRule[] = [];
  list.forEach((entry, i) => {
    if (!isRecord(entry)) {
      reporter.error(`filter ${i + 1} must be a "field: value" mapping`);
      return;
    }
    const keys = Object.keys(entry).filter((k) => k !== 'required');
    if (keys.length !== 1) {
      reporter.error(`filter ${i + 1} must name exactly one field, got ${keys.length ? keys.join(', ') : 'none'}`);
      return;
    }
    const fieldRef = keys[0]!;
    const parsed = parseFilterValue(entry[fieldRef]);
    if ('error' in parsed) {
      reporter.error(`filter on "${fieldRef}": ${parsed.error}`);
      return;
    }
    const rule: MetricFilterRule = {
      id: stableUuid(`${idSeed}:${i}:${fieldRef}:${JSON.stringify(entry[fieldRef])}`),
      target: { fieldRef },
      operator: parsed.operator,
      values: parsed.values,
    };
    if (parsed.settings) rule.settings = parsed.settings;
    if (entry.required !== undefined) {
      if (!opts.allowRequired) reporter.warning(`filter on "${fieldRef}": "required" only applies to default filters; ignored`);
      else if (typeof entry.required !== 'boolean') reporter.error(`filter on "${fieldRef}": "required" must be true or false`);
      else rule.required = entry.required;
    }
    rules.push(rule);
  });
  return rules;
};
