import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with a `Server-Timing` header (see `registerServerTiming`). */
    serverTiming?: boolean;
  }
}

/**
 * Where one request spent its time, sent back as a `Server-Timing` header
 * (`metadata;dur=…, compile;dur=…, warehouse;dur=…, total;dur=…`, milliseconds). `total` runs from
 * the request's arrival to its serialized response. Services record their phases on it (the query
 * routes: `warehouse` is the warehouse call, absent when the results cache answered); it never
 * changes what a request does.
 */
export class ServerTiming {
  private readonly phases = new Map<string, number>();
  readonly startedAt = performance.now();

  add(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  async measure<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  measureSync<T>(name: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  header(totalMs: number): string {
    const entries = [...this.phases].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`);
    entries.push(`total;dur=${totalMs.toFixed(2)}`);
    return entries.join(', ');
  }
}

/** `work`, timed as `name` when there is a timing to record on. */
export const measured = <T>(timing: ServerTiming | undefined, name: string, work: () => Promise<T>): Promise<T> =>
  timing ? timing.measure(name, work) : work();

const timings = new WeakMap<FastifyRequest, ServerTiming>();

/** The request's timing, made on first use. */
export const timingOf = (request: FastifyRequest): ServerTiming => {
  let timing = timings.get(request);
  if (!timing) {
    timing = new ServerTiming();
    timings.set(request, timing);
  }
  return timing;
};

/**
 * Times the routes whose config has `serverTiming`: from the first hook (register this before
 * authentication) to the serialized response, errors included (their phases are those that ran).
 */
export const registerServerTiming = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.serverTiming) timingOf(request);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const timing = request.routeOptions.config?.serverTiming ? timings.get(request) : undefined;
    if (timing) void reply.header('server-timing', timing.header(performance.now() - timing.startedAt));
    return payload;
  });
};
