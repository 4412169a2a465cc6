import { QueryCancelledError, QueryTimeoutError, type QueryOptions } from '../warehouse-client.js';

type StopError = QueryCancelledError | QueryTimeoutError;

/**
 * One query's stop conditions: the caller's AbortSignal and its timeout. When either fires, every
 * guarded promise rejects at once with QueryCancelledError / QueryTimeoutError, the engine's canceller
 * (interrupt, pg_cancel_backend, KILL QUERY) runs once, and `whenStopped` listeners run. The engine's
 * own work goes on settling in the background; its outcome is dropped.
 */
export class QueryControl {
  /** Set once the query was stopped. */
  error: StopError | undefined;
  /** Settles once the canceller has finished (at once if it never ran); never rejects. */
  cancelled: Promise<void> = Promise.resolve();
  private canceller: (() => Promise<void> | void) | undefined;
  private readonly listeners = new Set<(error: StopError) => void>();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort = () => this.stop(new QueryCancelledError());

  constructor(options: QueryOptions) {
    if (options.signal?.aborted) throw new QueryCancelledError();
    this.signal = options.signal;
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
    const timeoutMs = options.timeoutMs;
    if (timeoutMs !== undefined) this.timer = setTimeout(() => this.stop(new QueryTimeoutError(timeoutMs)), timeoutMs);
  }

  /**
   * Says how to stop the warehouse call about to start. Throws the stop error if the query was
   * already stopped (e.g. while waiting for a connection), so the call is never started.
   */
  setCanceller(cancel: () => Promise<void> | void): void {
    if (this.error) throw this.error;
    this.canceller = cancel;
  }

  /**
   * `work`, unless the query is stopped first: then the promise rejects at once with the stop error,
   * and a value `work` still produces goes to `late` (to give back the connection it holds).
   */
  guard<T>(work: Promise<T>, late?: (value: T) => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let stoppedFirst = false;
      const onStop = (error: StopError) => {
        stoppedFirst = true;
        reject(error);
      };
      if (this.error) onStop(this.error);
      else this.listeners.add(onStop);
      work.then(
        (value) => {
          this.listeners.delete(onStop);
          if (stoppedFirst) late?.(value);
          else resolve(value);
        },
        (error: unknown) => {
          this.listeners.delete(onStop);
          reject(error);
        },
      );
    });
  }

  /** Runs `listener` when the query is stopped (at once if it already was). */
  whenStopped(listener: (error: StopError) => void): void {
    if (this.error) listener(this.error);
    else this.listeners.add(listener);
  }

  /** Stops watching the signal and the clock; call once the query is over. */
  end(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private stop(error: StopError): void {
    if (this.error) return;
    this.error = error;
    this.end();
    const canceller = this.canceller;
    // A canceller that fails leaves the engine to discard the connection; nothing more can be done.
    this.cancelled = Promise.resolve()
      .then(() => canceller?.())
      .catch(() => undefined);
    for (const listener of [...this.listeners]) listener(error);
    this.listeners.clear();
  }
}
