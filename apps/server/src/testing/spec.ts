import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates responses against `../shared/spec/lightdash-openapi-0.1411.0.json` — the contract of
 * API v1. Every route test calls `expectSpec` (by operationId) or `expectSpecSchema` (by component
 * name, for routes the spec uses but does not list, such as PAT creation).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.resolve(here, '../../../../../shared/spec/lightdash-openapi-0.1411.0.json');

type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const f of ['double', 'float', 'int32', 'int64', 'integer']) ajv.addFormat(f, { type: 'number', validate: () => true });
/** OpenAPI's `nullable` next to `allOf`/`$ref` (no `type`), which Ajv refuses, as `anyOf [schema, null]`. */
const nullableWithoutType = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(nullableWithoutType);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const mapped = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, nullableWithoutType(v)]));
  if (nullable === undefined || 'type' in rest) return nullable === undefined ? mapped : { ...mapped, nullable };
  return nullable === true ? { anyOf: [mapped, { type: 'null' }] } : mapped;
};
ajv.addSchema({ $id: 'spec', components: nullableWithoutType(spec.components) });

const rewrite = (schema: unknown): unknown =>
  nullableWithoutType(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/')));

const operations = new Map<string, { method: string; path: string; op: Operation }>();
for (const [p, methods] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(methods)) {
    if (op.operationId) operations.set(op.operationId, { method: method.toUpperCase(), path: p, op });
  }
}

const cache = new Map<string, ValidateFunction>();
const compiled = (key: string, schema: () => unknown): ValidateFunction => {
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(rewrite(schema()) as object);
    cache.set(key, fn);
  }
  return fn;
};

type Response = { statusCode: number; json(): unknown; body: string };

/** Asserts the response matches the spec's schema for that operation and status (or `default`). */
export const expectSpec = (res: Response, operationId: string): void => {
  const entry = operations.get(operationId);
  if (!entry) throw new Error(`No operation ${operationId} in the spec`);
  const status = String(res.statusCode);
  // HTTP forbids a body on 204, whatever content the spec declares for it (e.g. deleteTag).
  if (status === '204' && entry.op.responses['204']) {
    if (res.body !== '') throw new Error(`${operationId} 204: a 204 response must have no body, got ${res.body.slice(0, 200)}`);
    return;
  }
  const response = entry.op.responses[status] ?? entry.op.responses.default;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operationId} declares no JSON response for ${status}`);
  check(compiled(`${operationId}:${status}`, () => schema), res, `${operationId} ${status}`);
};

/** Asserts `{status:"ok", results: <component>}` (or the bare component with `bare: true`). */
export const expectSpecSchema = (res: Response, component: string, opts: { array?: boolean } = {}): void => {
  const ref = { $ref: `#/components/schemas/${component}` };
  const results = opts.array ? { type: 'array', items: ref } : ref;
  const envelope = { type: 'object', required: ['status', 'results'], properties: { status: { enum: ['ok'] }, results } };
  check(compiled(`${component}:${opts.array ? 'array' : 'one'}`, () => envelope), res, component);
};

/** Asserts the error envelope (`ApiErrorPayload`) with the given status. */
export const expectError = (res: Response, statusCode: number, name?: string): void => {
  if (res.statusCode !== statusCode) {
    throw new Error(`Expected ${statusCode}${name ? ` ${name}` : ''}, got ${res.statusCode}: ${res.body}`);
  }
  check(compiled('ApiErrorPayload', () => ({ $ref: '#/components/schemas/ApiErrorPayload' })), res, 'ApiErrorPayload');
  const body = res.json() as { error: { name: string; statusCode: number } };
  if (body.error.statusCode !== statusCode) throw new Error(`error.statusCode ${body.error.statusCode} ≠ ${statusCode}`);
  if (name && body.error.name !== name) throw new Error(`Expected error ${name}, got ${body.error.name}: ${res.body}`);
};

const check = (validate: ValidateFunction, res: Response, what: string) => {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new Error(`${what}: response is not JSON: ${res.body.slice(0, 200)}`);
  }
  if (!validate(body)) {
    throw new Error(`${what}: response does not match the spec:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${res.body.slice(0, 2000)}`);
  }
};
