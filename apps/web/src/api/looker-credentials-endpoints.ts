import { ApiError, isAbort } from './api-error.js';

/**
 * API3 credentials (client id + secret) of a Tessera user, on the Looker face
 * (`/api/3.0/users/{user_id}/credentials_api3`). The Looker face answers Looker's error bodies
 * `{message, documentation_url}`, not the v1 envelope: `lookerError` turns them into an `ApiError`,
 * so `ErrorAlert` words them like any other.
 */
export type LookerCredentials = { id: number; client_id: string; created_at: string; is_disabled: boolean };

/** Only in the answer to a create: the server keeps a digest of the secret and cannot show it again. */
export type NewLookerCredentials = LookerCredentials & { client_secret: string };

const LOOKER_BASE = '/api/3.0';

const ERROR_NAMES: Record<number, string> = { 400: 'ParameterError', 401: 'AuthorizationError', 403: 'ForbiddenError', 404: 'NotFoundError', 422: 'ValidationError' };

/** A Looker error body (or whatever else came back) → an `ApiError` with the HTTP status. */
export const lookerError = (status: number, payload: unknown): ApiError => {
  const message = typeof payload === 'object' && payload !== null && typeof (payload as { message?: unknown }).message === 'string' ? (payload as { message: string }).message.trim() : '';
  if (!message) return new ApiError('UnexpectedResponse', status, `The server answered HTTP ${status} with something that is not a Looker API response.`);
  return new ApiError(ERROR_NAMES[status] ?? (status >= 500 ? 'InternalServerError' : 'LookerError'), status, message);
};

const lookerRequest = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, signal?: AbortSignal): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`${LOOKER_BASE}${path}`, { method, credentials: 'same-origin', headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NetworkError', 0, 'The Tessera server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw lookerError(response.status, undefined);
  }
  if (!response.ok) throw lookerError(response.status, payload);
  return payload as T;
};

const credentialsPath = (userUuid: string) => `/users/${encodeURIComponent(userUuid)}/credentials_api3`;

export const listLookerCredentials = (userUuid: string, signal?: AbortSignal) => lookerRequest<LookerCredentials[]>('GET', credentialsPath(userUuid), signal);

export const createLookerCredentials = (userUuid: string) => lookerRequest<NewLookerCredentials>('POST', credentialsPath(userUuid));

export const deleteLookerCredentials = ({ userUuid, id }: { userUuid: string; id: number }) => lookerRequest<void>('DELETE', `${credentialsPath(userUuid)}/${id}`);
