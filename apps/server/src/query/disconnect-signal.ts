import type { FastifyReply } from 'fastify';

/**
 * An AbortSignal that fires when the client goes away before the response is sent, so the
 * warehouse query it started is cancelled instead of running for nobody. The response's `close`
 * is used, not the request's: a request emits `close` as soon as its body has been read.
 */
export const disconnectSignal = (reply: FastifyReply): AbortSignal => {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
};
