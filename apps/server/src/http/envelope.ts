import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** `{status:"ok", results}` — the success envelope of API v1. */
export const ok = <T>(results: T) => ({ status: 'ok' as const, results });
export const okEmpty = () => ({ status: 'ok' as const });

/**
 * Sends JSON a route has written itself (for large results): text, or UTF-8 chunks streamed as
 * they are (with their total length) instead of being joined first. The media type is the one
 * Fastify's serializer would have used; the route's response schema still documents the body.
 */
export const sendJsonText = (reply: FastifyReply, body: string | Buffer | readonly Buffer[]): FastifyReply => {
  void reply.type('application/json; charset=utf-8');
  if (typeof body === 'string' || Buffer.isBuffer(body)) return reply.send(body);
  void reply.header('content-length', body.reduce((n, chunk) => n + chunk.length, 0));
  return reply.send(Readable.from(body));
};

export const okSchema = <T extends z.ZodType>(results: T) => z.object({ status: z.literal('ok'), results });
export const okEmptySchema = z.object({ status: z.literal('ok'), results: z.undefined().optional() });

export const errorSchema = z
  .object({
    status: z.literal('error'),
    error: z.object({
      name: z.string(),
      statusCode: z.number().int(),
      message: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'ApiErrorPayload' });

/** Error responses every route documents: the one envelope for all 4xx/5xx. */
export const errorResponses = { '4XX': errorSchema, '5XX': errorSchema } as const;
