import {
  NotFoundError,
  ParameterError,
  PayloadTooLargeError,
  TesseraError,
  UnexpectedServerError,
  UnsupportedMediaTypeError,
  ValidateError,
} from '@tessera/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one place errors become responses. Known errors pass through with their status; schema
 * failures become 422 ValidateError naming the offending path; framework errors (bad JSON, body too
 * large, wrong content type) get their own 4xx; anything else is logged and answered with a 500 that
 * carries no internals.
 */
export const toTesseraError = (error: unknown): TesseraError => {
  if (error instanceof TesseraError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message ?? 'is invalid',
    }));
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new ValidateError(`Invalid request: ${summary}`, { fields });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError('Request body is larger than this server accepts (TESSERA_BODY_LIMIT_BYTES)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ParameterError('The request body is empty but Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ParameterError('The request body is not valid JSON');
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new ParameterError('The request body is not valid JSON');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new TesseraError('ParameterError', fastifyError.statusCode, fastifyError.message ?? 'Bad request');
  }
  return new UnexpectedServerError();
};

export const registerErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error, request, reply) => {
    const known = toTesseraError(error);
    if (known.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    if (known.statusCode === 429 && typeof known.data.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(known.data.retryAfterSeconds));
    }
    return reply.status(known.statusCode).send({
      status: 'error',
      error: { name: known.name, statusCode: known.statusCode, message: known.message, data: known.data },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new NotFoundError(`No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send({
      status: 'error',
      error: { name: error.name, statusCode: 404, message: error.message, data: {} },
    });
  });
};
