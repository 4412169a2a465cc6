import { z } from 'zod';

/** `{status:"ok", results}` — the success envelope of API v1. */
export const ok = <T>(results: T) => ({ status: 'ok' as const, results });
export const okEmpty = () => ({ status: 'ok' as const });

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
