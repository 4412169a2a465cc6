import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates Looker-face responses against `../shared/spec/looker-api-3.0.json` (Swagger 2.0), as
 * `testing/spec.ts` does for API v1: `expectLookerSpec(res, operationId)` checks the status is one
 * the operation declares and the body matches its schema (`x-looker-nullable` fields may be null).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const LOOKER_SPEC_PATH = path.resolve(here, '../../../../../../shared/spec/looker-api-3.0.json');

type Operation = { operationId: string; responses: Record<string, { schema?: object }> };
type Spec = { basePath: string; paths: Record<string, Record<string, Operation>>; definitions: Record<string, object> };

const spec = JSON.parse(readFileSync(LOOKER_SPEC_PATH, 'utf8')) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const f of ['double', 'float', 'int32', 'int64', 'integer']) ajv.addFormat(f, { type: 'number', validate: () => true });
ajv.addFormat('uri', { type: 'string', validate: () => true });
ajv.addFormat('any', () => true);

/** `x-looker-nullable: true` → the schema or null. */
const nullable = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(nullable);
  if (typeof node !== 'object' || node === null) return node;
  const mapped = Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, nullable(v)])) as Record<string, unknown>;
  if (mapped['x-looker-nullable'] !== true) return mapped;
  const { ['x-looker-nullable']: _n, ...rest } = mapped;
  return { anyOf: [rest, { type: 'null' }] };
};
ajv.addSchema({ $id: 'looker', definitions: nullable(spec.definitions) });
const rewrite = (schema: unknown): object => nullable(JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"looker#/definitions/'))) as object;

export const lookerOperations = new Map<string, { method: string; path: string; op: Operation }>();
for (const [p, methods] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(methods)) lookerOperations.set(op.operationId, { method: method.toUpperCase(), path: p, op });
}

const cache = new Map<string, ValidateFunction>();
const compiled = (key: string, schema: object): ValidateFunction => {
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(rewrite(schema));
    cache.set(key, fn);
  }
  return fn;
};

type Response = { statusCode: number; body: string; json(): unknown };

export const expectLookerSpec = (res: Response, operationId: string): void => {
  const entry = lookerOperations.get(operationId);
  if (!entry) throw new Error(`No operation ${operationId} in the Looker 3.0 spec`);
  const status = String(res.statusCode);
  // Every operation may answer 401 (no or expired token); the spec leaves it out.
  const response = entry.op.responses[status] ?? (status === '401' ? { schema: { $ref: '#/definitions/Error' } } : undefined);
  if (!response) throw new Error(`${operationId} does not declare status ${status}: ${res.body.slice(0, 500)}`);
  if (status === '204') {
    if (res.body !== '') throw new Error(`${operationId} 204 must have no body, got ${res.body.slice(0, 200)}`);
    return;
  }
  if (!response.schema) throw new Error(`${operationId} declares no schema for ${status}`);
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new Error(`${operationId} ${status}: response is not JSON: ${res.body.slice(0, 200)}`);
  }
  const validate = compiled(`${operationId}:${status}`, response.schema);
  if (!validate(body)) {
    throw new Error(`${operationId} ${status}: response does not match the Looker spec:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${res.body.slice(0, 2000)}`);
  }
};
