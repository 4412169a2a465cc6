import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error.js';
import { sqlErrorText } from './sql-error-text.js';

describe('SQL runner errors in words', () => {
  it("keeps the warehouse's message and says what to do", () => {
    expect(sqlErrorText(new ApiError('WarehouseQueryError', 400, 'The warehouse refused the query: Table x does not exist'))).toEqual({
      title: 'The query did not run',
      message: 'The warehouse refused the query: Table x does not exist. Check the SQL and run it again.',
    });
  });

  it('reads permission and server failures as everywhere else', () => {
    expect(sqlErrorText(new ApiError('ForbiddenError', 403, 'No')).title).toBe('Not allowed');
    expect(sqlErrorText(new ApiError('UnexpectedServerError', 500, 'boom')).title).toBe('The server had a problem');
  });
});
