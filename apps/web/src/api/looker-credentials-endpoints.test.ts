import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.js';
import { lookerError } from './looker-credentials-endpoints.js';

const DOCS = 'https://cloud.google.com/looker/docs/r/api/support';

describe('lookerError', () => {
  it('keeps the message and status of a Looker error body', () => {
    const error = lookerError(404, { message: 'API3 credentials 7 not found for user u-1', documentation_url: DOCS });
    expect(error).toMatchObject({ name: 'NotFoundError', statusCode: 404, message: 'API3 credentials 7 not found for user u-1' });
    expect(errorText(error)).toEqual({ title: 'Not found', message: 'API3 credentials 7 not found for user u-1. It may have been deleted or renamed.' });
  });

  it('words a signed-out answer as one', () => {
    expect(errorText(lookerError(401, { message: 'Requires authentication', documentation_url: DOCS })).title).toBe('Signed out');
  });

  it('names statuses it has no name for', () => {
    expect(lookerError(409, { message: 'Already there' }).name).toBe('LookerError');
    expect(lookerError(503, { message: 'Down' }).name).toBe('InternalServerError');
  });

  it('says so when the body is not a Looker error', () => {
    for (const payload of [undefined, null, 'text', { status: 'error' }, { message: '  ' }, { message: 3 }]) {
      const error = lookerError(502, payload);
      expect(error).toMatchObject({ name: 'UnexpectedResponse', statusCode: 502 });
      expect(error.message).toContain('HTTP 502');
    }
  });
});
