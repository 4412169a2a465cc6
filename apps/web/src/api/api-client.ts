import { ApiError, isAbort } from './api-error.js';

type Envelope<T> =
  | { status: 'ok'; results: T }
  | { status: 'error'; error: { name: string; statusCode: number; message: string; data?: Record<string, unknown> } };

export type RequestOptions = { body?: unknown; signal?: AbortSignal | undefined };

/**
 * Calls the public API v1 on this origin with the session cookie, and unwraps the envelope:
 * `results` on success, an `ApiError` carrying the server's name, status and message otherwise.
 * An aborted request rejects with the AbortError itself (callers treat it as cancelled, not failed).
 */
export const apiRequest = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NetworkError', 0, 'The Tessera server could not be reached.');
  }
  let payload: Envelope<T>;
  try {
    payload = (await response.json()) as Envelope<T>;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('UnexpectedResponse', response.status, `The server answered HTTP ${response.status} with something that is not a Tessera API response.`);
  }
  if (payload.status === 'ok') return payload.results;
  const { name, statusCode, message, data } = payload.error;
  throw new ApiError(name, statusCode, message, data ?? {});
};

export const apiGet = <T>(path: string, signal?: AbortSignal): Promise<T> => apiRequest<T>('GET', path, { signal });

export const apiPost = <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> => apiRequest<T>('POST', path, { body, signal });
