import { NotFoundError } from '@tessera/core';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectError } from '../testing/spec.js';
import { registerErrorHandling } from './error-handler.js';

const build = () => {
  const logged: unknown[] = [];
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(JSON.parse(line)) } } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/boom', async () => {
    throw new Error('connection string postgres://admin:hunter2@db failed');
  });
  r.get('/missing', async () => {
    throw new NotFoundError('Chart not found');
  });
  r.post('/typed', { schema: { body: z.object({ n: z.number() }) } }, async () => ({ ok: true }));
  return { app, logged };
};

describe('error envelope', () => {
  it('turns an unexpected error into a logged 500 with no internals in the body', async () => {
    const { app, logged } = build();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expectError(res, 500, 'UnexpectedServerError');
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('postgres://');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('passes known errors through and names the offending path of a schema failure', async () => {
    const { app } = build();
    expectError(await app.inject({ method: 'GET', url: '/missing' }), 404, 'NotFoundError');
    const bad = await app.inject({ method: 'POST', url: '/typed', payload: { n: 'one' } });
    expectError(bad, 422, 'ValidateError');
    expect(bad.json().error.message).toContain('body.n');
    expectError(await app.inject({ method: 'POST', url: '/typed', payload: 'n=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });
});
