import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(sessionHash: string, userUuid: string, expiresAt: Date): Promise<void> {
    await this.db.insertInto('sessions').values({ session_hash: sessionHash, user_uuid: userUuid, expires_at: expiresAt }).execute();
  }

  async extend(sessionHash: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('session_hash', '=', sessionHash).execute();
  }

  async delete(sessionHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
