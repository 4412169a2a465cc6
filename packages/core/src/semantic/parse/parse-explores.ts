import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { isRecord, MetaReader } from '../util/meta-reader.js';
import { parseFilterList } from './filter-grammar.js';
import { parseJoins } from './parse-joins.js';
import { parseDimension } from './parse-dimensions.js';
import type { DimensionContext } from './parse-dimensions.js';
import type { ExploreSpec } from './table-spec.js';

const EXPLORE_KEYS: ReadonlySet<string> = new Set([
  'label',
  'description',
  'group_label',
  'groups',
  'tags',
  'joins',
  'additional_dimensions',
  'sql_filter',
  'sql_where',
  'default_filters',
  'required_filters',
  'required_attributes',
  'any_attributes',
  'case_sensitive',
]);

/** The model's `explores:` map: more explores over the same base model, each with its own config. */
export const parseExplores = (raw: unknown, table: string, ctx: DimensionContext, reporter: ErrorReporter): ExploreSpec[] => {
  if (raw === undefined || raw === null) return [];
  if (!isRecord(raw)) {
    reporter.error('"explores" must be a mapping of explore name → configuration');
    return [];
  }
  const explores: ExploreSpec[] = [];
  for (const [name, config] of Object.entries(raw)) {
    const crumb = `explore ${name}`;
    const r = reporter.inContext(crumb);
    if (!isRecord(config)) {
      r.error('an explore configuration must be a mapping');
      continue;
    }
    const read = new MetaReader(config, r);
    read.warnUnknownKeys(EXPLORE_KEYS, 'explore');
    const spec: ExploreSpec = { name, additionalDimensions: [], crumb };
    const label = read.string('label');
    if (label) spec.label = label;
    const description = read.string('description');
    if (description) spec.description = description;
    const groupLabel = read.string('group_label');
    if (groupLabel) spec.groupLabel = groupLabel;
    const groups = read.stringList('groups');
    if (groups) spec.groups = groups;
    const tags = read.stringList('tags');
    if (tags) spec.tags = tags;
    if (read.has('joins')) spec.joins = parseJoins(read.raw('joins'), r);
    const sqlWhere = read.string('sql_filter') ?? read.string('sql_where');
    if (sqlWhere !== undefined) spec.sqlWhere = sqlWhere;
    if (read.has('default_filters') || read.has('required_filters')) {
      const seed = `${table}.explores.${name}`;
      spec.requiredFilters = [
        ...parseFilterList(read.raw('default_filters'), r.inContext('default_filters'), `${seed}.default_filters`, { allowRequired: true }),
        ...parseFilterList(read.raw('required_filters'), r.inContext('required_filters'), `${seed}.required_filters`, { allowRequired: true }),
      ];
    }
    const requiredAttributes = read.attributes('required_attributes');
    if (requiredAttributes) spec.requiredAttributes = requiredAttributes;
    const anyAttributes = read.attributes('any_attributes');
    if (anyAttributes) spec.anyAttributes = anyAttributes;
    const caseSensitive = read.boolean('case_sensitive');
    if (caseSensitive !== undefined) spec.caseSensitive = caseSensitive;
    const additional = read.record('additional_dimensions');
    for (const [dimName, dimConfig] of Object.entries(additional ?? {})) {
      if (!isRecord(dimConfig) || typeof dimConfig.sql !== 'string') {
        r.inContext(`dimension ${dimName}`).error('an explore-level additional dimension must be a mapping with "sql"');
        continue;
      }
      spec.additionalDimensions.push(
        ...parseDimension(dimName, dimConfig, { type: 'string', sql: dimConfig.sql, isAdditionalDimension: true }, ctx, r),
      );
    }
    explores.push(spec);
  }
  return explores;
};
