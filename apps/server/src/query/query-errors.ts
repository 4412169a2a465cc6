import { ParameterError, TesseraError } from '@tessera/core';
import { QueryCancelledError, QueryTimeoutError, UnsafeLiteralError, WarehouseConnectionError, WarehouseQueryError } from '@tessera/warehouses';

/**
 * Warehouse and dialect failures as API errors. They are the user's query's doing, so they are
 * 4xx (never a logged 500): a value the dialect cannot render exactly is a bad parameter, a query
 * the warehouse refuses comes back with the warehouse's own message, a timeout says what to do.
 * 400 rather than 408 for the timeout: 408 tells clients and proxies to resend the same request.
 */
export class QueryTimeoutApiError extends TesseraError {
  constructor(seconds: number) {
    super(
      'QueryTimeoutError',
      400,
      `The warehouse did not answer within ${seconds} s and the query was cancelled: narrow it (filters, fewer fields, a lower limit) or ask an administrator to raise TESSERA_QUERY_TIMEOUT_SECONDS`,
      { timeoutSeconds: seconds },
    );
  }
}

/** The client went away: nobody reads the answer, but it must not be logged as a server fault. */
export class QueryCancelledApiError extends TesseraError {
  constructor() {
    super('QueryCancelledError', 400, 'The query was cancelled');
  }
}

export const toQueryError = (error: unknown, timeoutSeconds: number): unknown => {
  if (error instanceof TesseraError) return error;
  if (error instanceof UnsafeLiteralError) return new ParameterError(`A filter value cannot be used: ${error.message}`);
  if (error instanceof QueryTimeoutError) return new QueryTimeoutApiError(timeoutSeconds);
  if (error instanceof QueryCancelledError) return new QueryCancelledApiError();
  if (error instanceof WarehouseQueryError) return new TesseraError('WarehouseQueryError', 400, `The warehouse refused the query: ${error.message}`);
  if (error instanceof WarehouseConnectionError) {
    return new TesseraError('WarehouseConnectionError', 400, `Could not connect to the warehouse: ${error.message}. Check the project's warehouse connection settings`);
  }
  return error;
};

/** Runs `work`, turning warehouse and dialect failures into API errors. */
export const mappingQueryErrors = async <T>(timeoutSeconds: number, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toQueryError(error, timeoutSeconds);
  }
};
