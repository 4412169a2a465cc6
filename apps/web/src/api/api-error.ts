/**
 * An error answered by the API (`{status: "error", error: {name, statusCode, message, data}}`), or
 * one the client met on the way (`NetworkError`, `UnexpectedResponse`; statusCode 0 when no HTTP
 * answer arrived).
 */
export class ApiError extends Error {
  constructor(
    override readonly name: string,
    readonly statusCode: number,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
