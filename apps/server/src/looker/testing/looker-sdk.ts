import type { Looker31SDK } from '@looker/sdk';
import { LookerNodeSDK, NodeSettings } from '@looker/sdk-node';
import type { TestServer } from '../../testing/test-server.js';

/** Settings for the official Node SDK: the test server's address and the given API3 credentials (no env, no ini file). */
class TestSettings extends NodeSettings {
  constructor(
    private readonly baseUrl: string,
    private readonly credentials: { client_id: string; client_secret: string },
  ) {
    super('', { base_url: baseUrl, verify_ssl: false, timeout: 120 } as unknown as ConstructorParameters<typeof NodeSettings>[1]);
  }

  override readConfig(): ReturnType<NodeSettings['readConfig']> {
    return { base_url: this.baseUrl, ...this.credentials };
  }
}

/** Starts the test server on a loopback port (once) and returns its base URL. */
export const listen = async (server: TestServer): Promise<string> => {
  const address = server.app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`;
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const bound = server.app.server.address();
  if (!bound || typeof bound !== 'object') throw new Error('test server is not listening');
  return `http://127.0.0.1:${bound.port}`;
};

/** `Looker31SDK` from `@looker/sdk`, created by `@looker/sdk-node`, against the test server. */
export const lookerSdk = (baseUrl: string, credentials: { client_id: string; client_secret: string }): Looker31SDK =>
  LookerNodeSDK.init31(new TestSettings(baseUrl, credentials));
