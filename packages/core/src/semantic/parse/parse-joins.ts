import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { JOIN_RELATIONSHIPS, JOIN_TYPES } from '../types/explore.js';
import { isRecord, MetaReader } from '../util/meta-reader.js';
import type { JoinSpec } from './table-spec.js';

const JOIN_KEYS: ReadonlySet<string> = new Set([
  'join',
  'sql_on',
  'type',
  'relationship',
  'alias',
  'label',
  'description',
  'fields',
  'hidden',
  'always',
]);

/** `joins:` of a model or an extra explore. The joined models are checked when explores are assembled. */
export const parseJoins = (raw: unknown, reporter: ErrorReporter): JoinSpec[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    reporter.error('"joins" must be a list');
    return [];
  }
  const joins: JoinSpec[] = [];
  raw.forEach((item, i) => {
    const name = isRecord(item) && typeof item.join === 'string' ? item.join : undefined;
    const alias = isRecord(item) && typeof item.alias === 'string' ? item.alias : undefined;
    const crumb = `join ${alias ?? name ?? i + 1}`;
    const r = reporter.inContext(crumb);
    if (!isRecord(item) || !name) {
      r.error('a join must be a mapping with "join: <model>" and "sql_on"');
      return;
    }
    const read = new MetaReader(item, r);
    read.warnUnknownKeys(JOIN_KEYS, 'join');
    const sqlOn = read.string('sql_on');
    if (!sqlOn) {
      r.error('"sql_on" is required');
      return;
    }
    const join: JoinSpec = {
      model: name,
      alias: alias ?? name,
      hasAlias: alias !== undefined && alias !== name,
      sqlOn,
      type: read.oneOf('type', JOIN_TYPES, (s) => s.toLowerCase()) ?? 'left',
      crumb,
    };
    const relationship = read.oneOf('relationship', JOIN_RELATIONSHIPS, (s) => s.toLowerCase().replace(/_/g, '-'));
    if (relationship) join.relationship = relationship;
    const label = read.string('label');
    if (label) join.label = label;
    const description = read.string('description');
    if (description) join.description = description;
    const hidden = read.boolean('hidden');
    if (hidden !== undefined) join.hidden = hidden;
    const always = read.boolean('always');
    if (always !== undefined) join.always = always;
    const fields = read.stringList('fields');
    if (fields) join.fields = fields;
    joins.push(join);
  });
  return joins;
};
