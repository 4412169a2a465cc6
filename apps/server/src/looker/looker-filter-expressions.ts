import filterExpressions from '@looker/filter-expressions';
import type { ConditionalOperator, UnitOfTime } from '@tessera/core';

/**
 * Looker filter expressions (`-NULL`, `%foo%`, `>5`, `[1,10]`, `30 days`, `this month`,
 * `2024-01-01 to 2024-02-01`) ↔ Tessera filter conditions, for one field of a known kind. Parsing
 * uses `@looker/filter-expressions` (Looker's own grammar); writing is the inverse for the
 * conditions Tessera has. What has no Tessera equivalent is an `Unmappable` with the reason.
 */
const { parseFilterExpression } = filterExpressions;

export type FieldKind = 'string' | 'number' | 'date' | 'boolean';
export type Condition = { operator: ConditionalOperator; values: unknown[]; settings?: { unitOfTime: UnitOfTime; completed: boolean } };
export type Unmappable = { unmappable: string };

type Node = { type?: string; is?: boolean; value?: unknown; unit?: string; complete?: boolean; low?: unknown; high?: unknown; bounds?: string; date?: DateParts; start?: DateParts; end?: DateParts; [k: string]: unknown };
type DateParts = { year: string | number; month?: string | number; day?: string | number; hour?: string | number; minute?: string | number; second?: string | number };

const UNITS: Record<string, UnitOfTime> = {
  second: 'seconds',
  minute: 'minutes',
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  quarter: 'quarters',
  year: 'years',
};

const pad = (v: string | number | undefined, size = 2) => String(v ?? 1).padStart(size, '0');
const isoDate = (d: DateParts): string => {
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  return d.hour === undefined ? date : `${date}T${pad(d.hour)}:${pad(d.minute ?? 0)}:${pad(d.second ?? 0)}`;
};

const grammarOf = (kind: FieldKind) => (kind === 'date' ? 'date' : kind === 'number' ? 'number' : 'string');

/** The condition an expression states on a field of `kind`, or why it cannot be stated in Tessera. */
export const parseLookerFilter = (expression: string, kind: FieldKind): Condition | Unmappable => {
  const text = expression.trim();
  if (kind === 'boolean') {
    if (/^(yes|true)$/i.test(text)) return { operator: 'equals', values: [true] };
    if (/^(no|false)$/i.test(text)) return { operator: 'equals', values: [false] };
    if (text === 'NULL') return { operator: 'isNull', values: [] };
    if (text === '-NULL') return { operator: 'notNull', values: [] };
    return { unmappable: `"${expression}" is not a yes/no filter` };
  }
  let node: Node;
  try {
    node = parseFilterExpression(grammarOf(kind), text) as Node;
  } catch {
    return { unmappable: `"${expression}" is not a valid ${grammarOf(kind)} filter expression` };
  }
  return fromNode(node, kind, expression);
};

const fromNode = (node: Node, kind: FieldKind, expression: string): Condition | Unmappable => {
  const is = node.is !== false;
  const values = Array.isArray(node.value) ? (node.value as unknown[]) : [];
  const negatable = (yes: ConditionalOperator, no: ConditionalOperator | null): Condition | Unmappable =>
    is ? { operator: yes, values } : no ? { operator: no, values } : { unmappable: `"${expression}": the negation of ${node.type} has no Tessera equivalent` };
  const unit = node.unit !== undefined ? UNITS[node.unit] : undefined;
  switch (node.type) {
    case 'null':
      return { operator: is ? 'isNull' : 'notNull', values: [] };
    case 'anyvalue':
      return { unmappable: `"${expression}" matches any value: leave the filter out instead` };
    case 'match':
    case '=':
      return negatable('equals', 'notEquals');
    case 'contains':
      return negatable('include', 'doesNotInclude');
    case 'startsWith':
      return negatable('startsWith', null);
    case 'endsWith':
      return negatable('endsWith', null);
    case 'blank':
      return { operator: is ? 'equals' : 'notEquals', values: [''] };
    case '>':
      return negatable('greaterThan', 'lessThanOrEqual');
    case '<':
      return negatable('lessThan', 'greaterThanOrEqual');
    case '>=':
      return negatable('greaterThanOrEqual', 'lessThan');
    case '<=':
      return negatable('lessThanOrEqual', 'greaterThan');
    case 'between':
      if (node.bounds !== '[]' || !is) return { unmappable: `"${expression}": only inclusive ranges [a,b] map to Tessera's "between"` };
      return { operator: 'inBetween', values: [node.low, node.high] };
    case 'past':
    case 'lastInterval':
      if (!unit || !is) break;
      return { operator: 'inThePast', values: [Number(node.value)], settings: { unitOfTime: unit, completed: node.type === 'lastInterval' || node.complete === true } };
    case 'this':
      if (!unit || !is) break;
      return { operator: 'inTheCurrent', values: [1], settings: { unitOfTime: unit, completed: false } };
    case 'next':
      if (!unit || !is) break;
      return { operator: 'inTheNext', values: [1], settings: { unitOfTime: unit, completed: true } };
    case 'on':
      if (!node.date || !is) break;
      return { operator: 'equals', values: [isoDate(node.date)] };
    case 'before':
      if (!node.date || !is || node.range !== 'absolute') break;
      return { operator: 'lessThan', values: [isoDate(node.date)] };
    case 'after':
      if (!node.date || !is || node.range !== 'absolute') break;
      return { operator: 'greaterThanOrEqual', values: [isoDate(node.date)] };
    case 'range':
      if (!node.start || !node.end || !is) break;
      return { operator: 'inBetween', values: [isoDate(node.start), isoDate(node.end)] };
    default:
      break;
  }
  if (node.left !== undefined || node.right !== undefined) return { unmappable: `"${expression}" combines several conditions, which one Tessera filter rule cannot state` };
  return { unmappable: `"${expression}" (${node.type ?? 'unknown'} on a ${kind} field) has no Tessera filter equivalent` };
};

const SINGULAR: Record<string, string> = Object.fromEntries(Object.entries(UNITS).map(([one, many]) => [many, one]));

/** Looker's escaping of the characters its string grammar gives a meaning to. */
const escape = (value: unknown): string => String(value).replace(/[\^,%_"]/g, (c) => `^${c}`).replace(/^-/, '^-');
const list = (values: readonly unknown[], prefix = '', suffix = '', negate = false) =>
  values.map((v) => `${negate ? '-' : ''}${prefix}${escape(v)}${suffix}`).join(',');

/** The Looker expression of a Tessera condition, or null when Looker has no way to write it. */
export const toLookerFilter = (condition: { operator: ConditionalOperator; values?: unknown[] | undefined; settings?: { unitOfTime?: UnitOfTime | undefined; completed?: boolean | undefined } | undefined }, kind: FieldKind): string | null => {
  const values = condition.values ?? [];
  const first = values[0];
  const unit = condition.settings?.unitOfTime;
  const plain = (v: unknown) => (kind === 'string' ? escape(v) : String(v));
  switch (condition.operator) {
    case 'isNull':
      return 'NULL';
    case 'notNull':
      return '-NULL';
    case 'equals':
      if (kind === 'boolean') return first === true || first === 'true' ? 'yes' : 'no';
      if (kind === 'string' && values.length === 1 && first === '') return 'EMPTY';
      return kind === 'string' ? list(values) : values.map(plain).join(',');
    case 'notEquals':
      if (kind === 'string' && values.length === 1 && first === '') return '-EMPTY';
      return kind === 'string' ? list(values, '', '', true) : `NOT ${values.map(plain).join(',')}`;
    case 'include':
      return list(values, '%', '%');
    case 'doesNotInclude':
      return list(values, '%', '%', true);
    case 'startsWith':
      return list(values, '', '%');
    case 'endsWith':
      return list(values, '%', '');
    case 'greaterThan':
      return kind === 'date' ? null : `>${first}`;
    case 'lessThan':
      return kind === 'date' ? `before ${first}` : `<${first}`;
    case 'greaterThanOrEqual':
      return kind === 'date' ? `after ${first}` : `>=${first}`;
    case 'lessThanOrEqual':
      return kind === 'date' ? null : `<=${first}`;
    case 'inBetween':
      return kind === 'date' ? `${values[0]} to ${values[1]}` : `[${values[0]},${values[1]}]`;
    case 'inThePast':
      if (!unit) return null;
      return `${condition.settings?.completed ? 'last ' : ''}${first} ${SINGULAR[unit]}${Number(first) === 1 ? '' : 's'}`;
    case 'inTheCurrent':
      return unit ? `this ${SINGULAR[unit]}` : null;
    case 'inTheNext':
      return unit && Number(first) === 1 ? `next ${SINGULAR[unit]}` : null;
    default:
      return null;
  }
};
