/**
 * The one error hierarchy. Every error a request can end with is a TesseraError; the HTTP edge maps
 * it to `{status:"error", error:{name, statusCode, message, data}}` without looking at anything else.
 * Names follow the anchor's error names so clients that switch on `error.name` keep working.
 */
export class TesseraError extends Error {
  readonly statusCode: number;
  readonly data: Record<string, unknown>;

  constructor(name: string, statusCode: number, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    this.statusCode = statusCode;
    this.data = data;
  }
}

const kind = (name: string, statusCode: number, defaultMessage: string) =>
  class extends TesseraError {
    constructor(message: string = defaultMessage, data: Record<string, unknown> = {}) {
      super(name, statusCode, message, data);
    }
  };

export class ParameterError extends kind('ParameterError', 400, 'Incorrect parameters') {}
export class MissingWarehouseCredentialsError extends kind(
  'MissingWarehouseCredentialsError',
  400,
  'Warehouse credentials are missing',
) {}
export class AuthorizationError extends kind('AuthorizationError', 401, 'You must be signed in to do that') {}
export class ForbiddenError extends kind('ForbiddenError', 403, "You don't have access to this resource") {}
export class NotFoundError extends kind('NotFoundError', 404, 'Resource not found') {}
export class ExpiredError extends kind('ExpiredError', 406, 'This link has expired') {}
export class AlreadyExistsError extends kind('AlreadyExistsError', 409, 'Resource already exists') {}
export class PayloadTooLargeError extends kind('PayloadTooLargeError', 413, 'Request body is too large') {}
export class UnsupportedMediaTypeError extends kind(
  'UnsupportedMediaTypeError',
  415,
  'Unsupported content type: send application/json',
) {}
export class ValidateError extends kind('ValidateError', 422, 'Validation failed') {}
export class TooManyRequestsError extends kind(
  'TooManyRequestsError',
  429,
  'Too many attempts: wait a few minutes and try again',
) {}
export class UnexpectedServerError extends kind(
  'UnexpectedServerError',
  500,
  'Something went wrong on the server. The error was logged; try again or contact your administrator.',
) {}
export class SmtpError extends kind('SmtpError', 500, 'The email could not be sent') {}
