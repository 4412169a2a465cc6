import { isAbort, isApiError } from './api-error.js';

export type ErrorText = { title: string; message: string };

/** Ends a server message with a full stop, so a hint can follow it. */
const sentence = (message: string): string => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

/**
 * An error in plain words: what happened (the server's own message when it sent one — they are
 * written for people) and what to do next.
 */
export const errorText = (error: unknown): ErrorText => {
  if (isAbort(error)) return { title: 'Cancelled', message: 'The request was cancelled.' };
  if (!isApiError(error)) {
    return { title: 'Something went wrong', message: 'The page hit an unexpected problem. Reload it and try again.' };
  }
  const { statusCode, message } = error;
  if (error.name === 'NetworkError') {
    return { title: 'Cannot reach Tessera', message: 'Check your connection and that the Tessera server is running, then try again.' };
  }
  if (statusCode === 401) return { title: 'Signed out', message: `${sentence(message)} Sign in again to continue.` };
  if (statusCode === 403) return { title: 'Not allowed', message: `${sentence(message)} If you need this, ask an admin of your organization.` };
  if (statusCode === 404) return { title: 'Not found', message: `${sentence(message)} It may have been deleted or renamed.` };
  if (statusCode === 429) {
    const seconds = error.data.retryAfterSeconds;
    const wait = typeof seconds === 'number' ? `Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).` : 'Wait a few minutes and try again.';
    return { title: 'Too many attempts', message: `${sentence(message)} ${wait}` };
  }
  if (statusCode >= 500 || statusCode === 0) {
    return { title: 'The server had a problem', message: 'Try again. If it keeps happening, ask your admin to look at the Tessera server log.' };
  }
  return { title: 'That did not work', message: sentence(message) };
};

/** On the sign-in page a 401 is a refused sign-in, not an ended session. */
export const signInErrorText = (error: unknown): ErrorText =>
  isApiError(error) && error.statusCode === 401
    ? { title: 'Could not sign in', message: `${sentence(error.message)} Check the email and password and try again.` }
    : errorText(error);

/** On the setup page a 404 or 403 is about the one-time link (spent, expired, already set up). */
export const setupErrorText = (error: unknown): ErrorText =>
  isApiError(error) && (error.statusCode === 404 || error.statusCode === 403)
    ? { title: 'This setup link cannot be used', message: sentence(error.message) }
    : errorText(error);
