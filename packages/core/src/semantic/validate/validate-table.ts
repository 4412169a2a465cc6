import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import type { TableSpec } from '../parse/table-spec.js';
import type { MetricFilterRule } from '../types/explore.js';
import { didYouMean } from '../util/suggest.js';
import { expandFieldList } from './field-lists.js';

/**
 * Stage 2 — checks that need the whole parsed table: sets, primary key, default time dimension,
 * drill fields (`show_underlying_values`, sets expanded in place), required-filter targets, join
 * names, extra explore names. References to other tables are checked at assembly.
 */
export const validateTable = (spec: TableSpec, reporter: ErrorReporter): void => {
  const { draft } = spec;
  const isField = (name: string) => spec.dimensions.has(name) || spec.metrics.has(name);

  for (const [name, set] of Object.entries(draft.sets ?? {})) {
    const r = reporter.inContext(`set ${name}`);
    if (isField(name)) r.error(`set name "${name}" is also a field name`);
    const fields = expandFieldList(set.fields, draft.sets, (m) => r.error(m));
    for (const f of fields) if (!f.includes('.') && !isField(f)) r.error(`"${f}" is not a field of "${spec.name}"${didYouMean(f, allFields(spec))}`);
  }

  for (const key of draft.primaryKey ?? []) {
    if (!spec.dimensions.has(key)) reporter.inContext('primary_key').warning(`"${key}" is not a dimension of "${spec.name}"`);
  }
  checkTimeDimension(spec, draft.defaultTimeDimension?.field, reporter.inContext('default_time_dimension'));

  for (const [name, metric] of spec.metrics) {
    const r = reporter.inContext(`metric ${name}`);
    checkTimeDimension(spec, metric.draft.defaultTimeDimension?.field, r.inContext('default_time_dimension'));
    const drill = metric.draft.showUnderlyingValues;
    if (!drill) continue;
    const expanded = expandFieldList(drill, draft.sets, (m) => r.inContext('show_underlying_values').error(m));
    for (const f of expanded) {
      if (!f.includes('.') && !isField(f)) {
        r.inContext('show_underlying_values').error(`"${f}" is not a field of "${spec.name}"${didYouMean(f, allFields(spec))}`);
      }
    }
    metric.draft.showUnderlyingValues = expanded;
  }

  checkRequiredFilters(spec, draft.requiredFilters, reporter.inContext('default_filters'));
  for (const explore of spec.explores) {
    const r = reporter.inContext(explore.crumb);
    if (explore.name === spec.name) r.error(`an extra explore cannot be named like its model "${spec.name}"`);
    checkRequiredFilters(spec, explore.requiredFilters, r.inContext('default_filters'));
    checkJoinNames(spec.name, explore.joins ?? [], r);
  }
  checkJoinNames(spec.name, spec.joins, reporter);
};

const allFields = (spec: TableSpec) => [...spec.dimensions.keys(), ...spec.metrics.keys()];

const checkTimeDimension = (spec: TableSpec, field: string | undefined, r: ErrorReporter) => {
  if (field === undefined) return;
  const dim = spec.dimensions.get(field);
  if (!dim) r.warning(`"${field}" is not a dimension of "${spec.name}"`);
  else if (dim.type !== 'date' && dim.type !== 'timestamp') r.warning(`"${field}" is a ${dim.type} dimension, not a date or timestamp`);
};

/** Local targets must be visible dimensions (the anchor refuses hidden ones). */
const checkRequiredFilters = (spec: TableSpec, rules: MetricFilterRule[] | undefined, r: ErrorReporter) => {
  for (const rule of rules ?? []) {
    const ref = rule.target.fieldRef;
    const [table, name] = ref.includes('.') ? ref.split('.', 2) : [spec.name, ref];
    if (table !== spec.name) continue;
    const dim = spec.dimensions.get(name!);
    if (!dim) r.error(`filter on "${ref}": no such dimension in "${spec.name}"${didYouMean(name!, spec.dimensions.keys())}`);
    else if (dim.hidden) r.error(`filter on "${ref}": the dimension is hidden; default filters need a visible dimension`);
  }
};

const checkJoinNames = (base: string, joins: TableSpec['joins'], r: ErrorReporter) => {
  const seen = new Set([base]);
  for (const join of joins) {
    if (seen.has(join.alias)) {
      r.inContext(join.crumb).error(`"${join.alias}" is already a table of this explore; use an "alias" to join "${join.model}" again`);
    }
    seen.add(join.alias);
  }
};
