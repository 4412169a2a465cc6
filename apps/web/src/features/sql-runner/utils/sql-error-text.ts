import { isApiError } from '../../../api/api-error.js';
import { errorText, type ErrorText } from '../../../api/error-text.js';

/**
 * A refused SQL run in words: the warehouse's own message (it names the table or the syntax) and
 * what to do next. Sign-in, permission and server failures read as everywhere else.
 */
export const sqlErrorText = (error: unknown): ErrorText => {
  if (!isApiError(error) || error.statusCode < 400 || error.statusCode >= 500 || [401, 403, 429].includes(error.statusCode)) return errorText(error);
  const message = error.message.trim().replace(/([^.!?])$/, '$1.');
  return { title: 'The query did not run', message: `${message} Check the SQL and run it again.` };
};
