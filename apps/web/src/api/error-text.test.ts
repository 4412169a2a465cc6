import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { errorText, setupErrorText, signInErrorText } from './error-text.js';

describe('errors in plain words', () => {
  it('keeps the server message and says what to do next', () => {
    expect(errorText(new ApiError('AuthorizationError', 401, 'Email and password not recognized'))).toEqual({
      title: 'Signed out',
      message: 'Email and password not recognized. Sign in again to continue.',
    });
    expect(errorText(new ApiError('ForbiddenError', 403, "You don't have permission to update this project"))).toEqual({
      title: 'Not allowed',
      message: "You don't have permission to update this project. If you need this, ask an admin of your organization.",
    });
    expect(errorText(new ApiError('ParameterError', 400, 'Filter on "orders_total": "abc" is not a number.')).message).toBe('Filter on "orders_total": "abc" is not a number.');
    expect(errorText(new ApiError('TooManyRequestsError', 429, 'Too many failed sign-ins', { retryAfterSeconds: 600 })).message).toBe('Too many failed sign-ins. Try again in 10 minute(s).');
  });

  it('hides server internals and covers network failures and cancellation', () => {
    expect(errorText(new ApiError('UnexpectedServerError', 500, 'boom'))).toEqual({
      title: 'The server had a problem',
      message: 'Try again. If it keeps happening, ask your admin to look at the Tessera server log.',
    });
    expect(errorText(new ApiError('NetworkError', 0, 'x')).title).toBe('Cannot reach Tessera');
    expect(errorText(new DOMException('The operation was aborted.', 'AbortError')).title).toBe('Cancelled');
    expect(errorText(new Error('x')).title).toBe('Something went wrong');
  });

  it('calls a 401 on the sign-in page a refused sign-in', () => {
    expect(signInErrorText(new ApiError('AuthorizationError', 401, 'Email and password not recognized'))).toEqual({
      title: 'Could not sign in',
      message: 'Email and password not recognized. Check the email and password and try again.',
    });
    expect(signInErrorText(new ApiError('NetworkError', 0, 'x')).title).toBe('Cannot reach Tessera');
  });

  it('calls a refused setup link what it is', () => {
    expect(setupErrorText(new ApiError('ForbiddenError', 403, 'This setup link has expired: restart the server to print a new one'))).toEqual({
      title: 'This setup link cannot be used',
      message: 'This setup link has expired: restart the server to print a new one.',
    });
  });
});
