import type { DimensionType, MetricFilterRule } from '../types/explore.js';
import { assertNever } from '../util/assert-never.js';
import { INTERVAL_UNIT_OF } from './sql-dialect.js';
import type { SemanticSqlDialect, TruncateUnit } from './sql-dialect.js';

export class FilterSqlError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const TRUE_VALUES = new Set(['true', 'yes', '1', 't']);
const FALSE_VALUES = new Set(['false', 'no', '0', 'f']);

interface Target {
  sql: string;
  type: DimensionType;
  caseSensitive: boolean;
}

/**
 * SQL condition of one YAML filter rule (metric `filters`), typed by the target dimension: every
 * value goes through the dialect's literal rendering after being checked for its type (numbers
 * finite, dates ISO, booleans from true/false spellings). Relative date rules compare with the
 * warehouse clock, so the compiled SQL does not depend on when it was compiled.
 */
export const filterRuleSql = (rule: MetricFilterRule, target: Target, dialect: SemanticSqlDialect): string => {
  const d = `(${target.sql})`;
  switch (rule.operator) {
    case 'isNull':
      return `${d} IS NULL`;
    case 'notNull':
      return `${d} IS NOT NULL`;
    default:
      break;
  }
  switch (target.type) {
    case 'string':
      return stringSql(rule, d, target.caseSensitive, dialect);
    case 'number':
      return comparisonSql(rule, d, (v) => numberLiteral(v));
    case 'boolean':
      return booleanSql(rule, d);
    case 'date':
    case 'timestamp':
      return dateSql(rule, d, target.type, dialect);
    default:
      return assertNever(target.type);
  }
};

const unsupported = (rule: MetricFilterRule, type: string): never => {
  throw new FilterSqlError(`operator "${rule.operator}" does not apply to a ${type} dimension`);
};

const stringSql = (rule: MetricFilterRule, d: string, caseSensitive: boolean, dialect: SemanticSqlDialect): string => {
  const values = rule.values.map((v) => String(v));
  const field = caseSensitive ? d : `UPPER${d}`;
  const lit = (v: string) => dialect.stringLiteral(caseSensitive ? v : v.toUpperCase());
  const like = (pattern: (v: string) => string, negate: boolean) => {
    const parts = values.filter((v) => v !== '').map((v) => `${field} ${negate ? 'NOT LIKE' : 'LIKE'} ${lit(pattern(v))}`);
    if (!parts.length) return 'TRUE';
    return negate ? `((${parts.join(' AND ')}) OR ${d} IS NULL)` : `(${parts.join(' OR ')})`;
  };
  switch (rule.operator) {
    case 'equals':
      return values.length ? `${field} IN (${values.map(lit).join(', ')})` : 'TRUE';
    case 'notEquals':
      return values.length ? `(${field} NOT IN (${values.map(lit).join(', ')}) OR ${d} IS NULL)` : 'TRUE';
    case 'include':
      return like((v) => `%${v}%`, false);
    case 'doesNotInclude':
      return like((v) => `%${v}%`, true);
    case 'startsWith':
      return like((v) => `${v}%`, false);
    case 'endsWith':
      return like((v) => `%${v}`, false);
    default:
      return unsupported(rule, 'string');
  }
};

const numberLiteral = (v: unknown): string => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new FilterSqlError(`invalid number value ${JSON.stringify(v)} in filter`);
  return String(n);
};

/** equals / notEquals / comparisons / inBetween, shared by numbers and dates. */
const comparisonSql = (rule: MetricFilterRule, d: string, lit: (v: unknown) => string, type = 'number'): string => {
  const [first, second] = rule.values;
  const one = () => {
    if (rule.values.length < 1) throw new FilterSqlError(`operator "${rule.operator}" needs a value`);
    return lit(first);
  };
  switch (rule.operator) {
    case 'equals':
      return rule.values.length ? `${d} IN (${rule.values.map(lit).join(', ')})` : 'TRUE';
    case 'notEquals':
      return rule.values.length ? `(${d} NOT IN (${rule.values.map(lit).join(', ')}) OR ${d} IS NULL)` : 'TRUE';
    case 'lessThan':
      return `${d} < ${one()}`;
    case 'lessThanOrEqual':
      return `${d} <= ${one()}`;
    case 'greaterThan':
      return `${d} > ${one()}`;
    case 'greaterThanOrEqual':
      return `${d} >= ${one()}`;
    case 'inBetween':
      if (rule.values.length < 2) throw new FilterSqlError('"between" needs two values');
      return `(${d} >= ${lit(first)} AND ${d} <= ${lit(second)})`;
    default:
      return unsupported(rule, type);
  }
};

const booleanSql = (rule: MetricFilterRule, d: string): string => {
  const lit = (v: unknown) => {
    const s = String(v).trim().toLowerCase();
    if (TRUE_VALUES.has(s)) return 'TRUE';
    if (FALSE_VALUES.has(s)) return 'FALSE';
    throw new FilterSqlError(`invalid boolean value ${JSON.stringify(v)} in filter`);
  };
  const [first] = rule.values;
  switch (rule.operator) {
    case 'equals':
      return first === undefined ? 'TRUE' : `${d} = ${lit(first)}`;
    case 'notEquals':
      return first === undefined ? 'TRUE' : `(${d} != ${lit(first)} OR ${d} IS NULL)`;
    default:
      return unsupported(rule, 'boolean');
  }
};

const dateSql = (rule: MetricFilterRule, d: string, type: 'date' | 'timestamp', dialect: SemanticSqlDialect): string => {
  const lit = (v: unknown) => {
    const s = v instanceof Date ? v.toISOString() : String(v).trim();
    if (DATE.test(s)) return dialect.castToDate(dialect.stringLiteral(s));
    if (type === 'timestamp' && TIMESTAMP.test(s)) return `CAST(${dialect.stringLiteral(s.replace('T', ' '))} AS TIMESTAMP)`;
    throw new FilterSqlError(`invalid ${type} value ${JSON.stringify(v)} in filter (expected YYYY-MM-DD${type === 'timestamp' ? ' [HH:MM:SS]' : ''})`);
  };
  const bound = (sql: string) => (type === 'date' ? dialect.castToDate(sql) : sql);
  const settings = rule.settings ?? { unitOfTime: 'days' as const, completed: false };
  const unit = INTERVAL_UNIT_OF[settings.unitOfTime];
  const amount = () => {
    const n = Number(rule.values[0] ?? 1);
    if (!Number.isInteger(n) || n < 0) throw new FilterSqlError(`invalid amount ${JSON.stringify(rule.values[0])} in filter (a whole number)`);
    return n;
  };
  const now = dialect.currentTimestamp();
  const start = (u: TruncateUnit) => dialect.truncate(now, u, 'timestamp');
  const range = (from: string, to: string, inclusiveEnd: boolean) =>
    `(${d} >= ${bound(from)} AND ${d} ${inclusiveEnd ? '<=' : '<'} ${bound(to)})`;
  switch (rule.operator) {
    case 'inThePast':
    case 'notInThePast': {
      const n = amount();
      const sql = settings.completed
        ? range(dialect.addInterval(start(unit), -n, unit), start(unit), false)
        : range(dialect.addInterval(now, -n, unit), now, true);
      return rule.operator === 'inThePast' ? sql : `NOT ${sql}`;
    }
    case 'inTheNext': {
      const n = amount();
      return settings.completed
        ? range(dialect.addInterval(start(unit), 1, unit), dialect.addInterval(start(unit), n + 1, unit), false)
        : range(now, dialect.addInterval(now, n, unit), true);
    }
    case 'inTheCurrent':
    case 'notInTheCurrent': {
      const sql = range(start(unit), dialect.addInterval(start(unit), 1, unit), false);
      return rule.operator === 'inTheCurrent' ? sql : `NOT ${sql}`;
    }
    default:
      return comparisonSql(rule, d, lit, type);
  }
};
