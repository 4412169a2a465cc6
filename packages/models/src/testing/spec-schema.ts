import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Test helper: validates values against a component schema of the API v1 contract
 * (`../shared/spec/lightdash-openapi-0.1411.0.json`), loaded the way the server's route tests do.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.resolve(here, '../../../../../shared/spec/lightdash-openapi-0.1411.0.json');

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, object> } };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const f of ['double', 'float', 'int32', 'int64', 'integer']) ajv.addFormat(f, { type: 'number', validate: () => true });
ajv.addSchema({ $id: 'spec', components: spec.components });

const validators = new Map<string, ValidateFunction>();

/** The schema errors of `value` as component `component` (empty when valid). */
export const specErrors = (component: string, value: unknown): string[] => {
  let validate = validators.get(component);
  if (!validate) validators.set(component, (validate = ajv.compile({ $ref: `spec#/components/schemas/${component}` })));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
};

/**
 * An explore checked in depth: the spec types `tables.*.dimensions` / `metrics` as untyped
 * records, so each field is also checked against `CompiledDimension` / `CompiledMetric`.
 */
export const exploreSpecErrors = (explore: {
  tables: Record<string, { dimensions: Record<string, unknown>; metrics: Record<string, unknown> }>;
}): string[] => {
  const errors = specErrors('Explore', explore);
  for (const [tableName, table] of Object.entries(explore.tables)) {
    for (const [name, d] of Object.entries(table.dimensions)) {
      for (const e of specErrors('CompiledDimension', d)) errors.push(`${tableName}.dimensions.${name}${e}`);
    }
    for (const [name, m] of Object.entries(table.metrics)) {
      for (const e of specErrors('CompiledMetric', m)) errors.push(`${tableName}.metrics.${name}${e}`);
    }
  }
  return errors;
};
