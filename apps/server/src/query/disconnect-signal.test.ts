import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { disconnectSignal } from './disconnect-signal.js';

const app = Fastify();
afterEach(() => app.close());

describe('disconnectSignal', () => {
  it('aborts when the client goes away before the answer, not when the answer is sent', async () => {
    const signals: AbortSignal[] = [];
    let arrived!: () => void;
    const slowArrived = new Promise<void>((r) => (arrived = r));
    app.get('/slow', async (_request, reply) => {
      const signal = disconnectSignal(reply);
      signals.push(signal);
      arrived();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      return 'late';
    });
    app.get('/fast', async (_request, reply) => {
      signals.push(disconnectSignal(reply));
      return 'ok';
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const fast = await fetch(`http://127.0.0.1:${port}/fast`);
    expect(await fast.text()).toBe('ok');

    const request = http.get(`http://127.0.0.1:${port}/slow`);
    request.on('error', () => undefined);
    await slowArrived;
    request.destroy();
    const slow = signals.find((_, i) => i === 1)!;
    await new Promise<void>((resolve) => (slow.aborted ? resolve() : slow.addEventListener('abort', () => resolve())));
    expect(slow.aborted).toBe(true);
    expect(signals[0]!.aborted).toBe(false);
  });
});
