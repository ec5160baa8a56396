/** API keys: stored as SHA-256 hash plus a display prefix. */
import type { Kysely } from 'kysely';
import type { ApiKeysTable, DB } from '../types';
import type { Insertable } from 'kysely';

export function insertApiKey(db: Kysely<DB>, key: Insertable<ApiKeysTable>) {
  return db.insertInto('apiKeys').values(key).execute();
}

/** The key with its environment and workspace, for authentication. */
export function findApiKeyByHash(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('apiKeys')
    .innerJoin('environments', 'environments.id', 'apiKeys.environmentId')
    .select([
      'apiKeys.id',
      'apiKeys.environmentId',
      'apiKeys.type',
      'apiKeys.scopes',
      'apiKeys.rateLimit',
      'apiKeys.ingestRateLimit',
      'apiKeys.revokedAt',
      'apiKeys.lastUsedAt',
      'environments.workspaceId',
      'environments.rateLimit as environmentRateLimit',
      'environments.ingestRateLimit as environmentIngestRateLimit',
    ])
    .where('apiKeys.hash', '=', hash)
    .executeTakeFirst();
}

const PUBLIC_COLUMNS = [
  'id',
  'environmentId',
  'name',
  'type',
  'prefix',
  'scopes',
  'rateLimit',
  'ingestRateLimit',
  'createdAt',
  'revokedAt',
  'lastUsedAt',
] as const;

export function listApiKeys(db: Kysely<DB>, envId: string) {
  return db
    .selectFrom('apiKeys')
    .select(PUBLIC_COLUMNS)
    .where('environmentId', '=', envId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findApiKey(db: Kysely<DB>, envId: string, id: string) {
  return db.selectFrom('apiKeys').select(PUBLIC_COLUMNS).where('environmentId', '=', envId).where('id', '=', id).executeTakeFirst();
}

export function findApiKeyById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('apiKeys')
    .innerJoin('environments', 'environments.id', 'apiKeys.environmentId')
    .select(['apiKeys.id', 'apiKeys.environmentId', 'apiKeys.revokedAt', 'environments.workspaceId'])
    .where('apiKeys.id', '=', id)
    .executeTakeFirst();
}

export function revokeApiKey(db: Kysely<DB>, envId: string, id: string, at: Date) {
  return db
    .updateTable('apiKeys')
    .set({ revokedAt: at })
    .where('environmentId', '=', envId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}

/** Records use at most once a minute per key: the WHERE makes other calls no-ops. */
export function touchApiKey(db: Kysely<DB>, id: string, now: Date) {
  const minuteAgo = new Date(now.getTime() - 60_000);
  return db
    .updateTable('apiKeys')
    .set({ lastUsedAt: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', minuteAgo)]))
    .execute();
}
