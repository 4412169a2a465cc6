import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { CookieSettings } from './http/authenticate.js';
import type { AccountRepository } from './identity/account-repository.js';
import type { SessionService } from './identity/session-service.js';
import type { UserRepository } from './identity/user-repository.js';
import type { Mailer } from './mail/mailer.js';
import type { SavedChartReader } from './charts/saved-chart-reader.js';
import type { Cipher } from './secrets/cipher.js';
import type { SpaceAccess } from './spaces/space-access.js';
import type { Database } from './store/schema.js';
import type { StoreKind } from './store/database.js';

/**
 * What the composition root hands each domain module: shared infrastructure and the identity
 * services every domain needs. A module builds its own repositories and services from it, once.
 */
export type AppContext = {
  config: Config;
  db: Kysely<Database>;
  storeKind: StoreKind;
  now: () => Date;
  cipher: Cipher;
  mailer: Mailer;
  accounts: AccountRepository;
  users: UserRepository;
  sessions: SessionService;
  cookie: CookieSettings;
  /** Space authorization (view / edit / manage a space) for every content domain. */
  spaceAccess: SpaceAccess;
  /** Saved charts with their latest version, authorized (view / edit) through their home space. */
  savedCharts: SavedChartReader;
};
