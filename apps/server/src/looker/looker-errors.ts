import { TesseraError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import { toTesseraError } from '../http/error-handler.js';

export const LOOKER_DOCS_URL = 'https://cloud.google.com/looker/docs/r/api/support';

export type ValidationErrorDetail = { field: string; code: string; message: string; documentation_url: string };

/** 422 with Looker's `errors` list: each names a field of the request and what is wrong with it. */
export class LookerValidationError extends TesseraError {
  constructor(message: string, errors: { field: string; code?: string; message: string }[]) {
    super('ValidationError', 422, message, {
      errors: errors.map((e) => ({ field: e.field, code: e.code ?? 'invalid', message: e.message, documentation_url: LOOKER_DOCS_URL })),
    });
  }
}

/** 405: the resource exists but cannot be changed this way (LookML dashboards are read-only). */
export class MethodNotAllowedError extends TesseraError {
  constructor(message: string) {
    super('MethodNotAllowedError', 405, message);
  }
}

/** 409: the resource already exists. */
export class ConflictError extends TesseraError {
  constructor(message: string) {
    super('ConflictError', 409, message);
  }
}

const detailsOf = (error: TesseraError): ValidationErrorDetail[] => {
  if (Array.isArray(error.data.errors)) return error.data.errors as ValidationErrorDetail[];
  const fields = Array.isArray(error.data.fields) ? (error.data.fields as { path: string; message: string }[]) : [];
  return fields.map((f) => ({ field: f.path.replace(/^(body|querystring|params)\.?/, ''), code: 'invalid', message: f.message, documentation_url: LOOKER_DOCS_URL }));
};

/**
 * Errors of the Looker face in Looker's shape: `{message, documentation_url}` (`Error`), plus
 * `errors` on 422 (`ValidationError`). The same mapping as API v1 decides the status, except that
 * a 403 is answered as Looker does, 404 (the message still says it is a matter of permission).
 */
export const registerLookerErrors = (app: FastifyInstance): void => {
  app.setErrorHandler((error, request, reply) => {
    const known = toTesseraError(error);
    if (known.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const body: Record<string, unknown> = { message: known.message, documentation_url: LOOKER_DOCS_URL };
    if (known.statusCode === 422) body.errors = detailsOf(known);
    // Looker answers content the caller may not see or change with 404 (its spec declares no 403); the message keeps the reason.
    return reply.status(known.statusCode === 403 ? 404 : known.statusCode).send(body);
  });
  // A catch-all route of the scope (the app's not-found handler would answer in the v1 envelope).
  app.all('/*', { schema: { hide: true } }, async (request, reply) =>
    reply.status(404).send({ message: `Not found: no route ${request.method} ${request.url.split('?')[0]}`, documentation_url: LOOKER_DOCS_URL }),
  );
};
