/** API keys: `sk_|pk_` + mode + 32 random bytes in base32; stored as SHA-256 and a display prefix. */
import {
  AppError,
  type KeyType,
  type Mode,
  newId,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  SCOPES,
  type Scope as ApiScope,
  type TApiKey,
} from '@tenure/contract';
import { apiKeyQueries, type DB, type Kysely } from '@tenure/db';
import { type Actor, type Scope, systemActor } from '../actor';
import { audit } from '../audit';
import { evictKey, keyCache } from './key-cache';
import { hashToken, randomToken } from './tokens';

/** Random characters kept in the display prefix (`sk_live_abcdef`). */
const PREFIX_RANDOM_CHARS = 6;

export interface CreatedApiKey {
  key: string;
  id: string;
  prefix: string;
}

export type ApiKeyView = TApiKey;

export function keyPrefixOf(type: KeyType, mode: Mode): string {
  return `${type === 'secret' ? 'sk' : 'pk'}_${mode}_`;
}

export async function createApiKey(
  db: Kysely<DB>,
  scope: Scope & { mode: Mode },
  params: { type: KeyType; name?: string; scopes?: ApiScope[] | null; rateLimit?: number | null; ingestRateLimit?: number | null },
): Promise<CreatedApiKey> {
  const key = `${keyPrefixOf(params.type, scope.mode)}${randomToken(32)}`;
  const id = newId('apiKey');
  const prefix = key.slice(0, keyPrefixOf(params.type, scope.mode).length + PREFIX_RANDOM_CHARS);
  const scopes = params.type === 'publishable' ? null : params.scopes?.length ? [...new Set(params.scopes)] : null;
  await db.transaction().execute(async (trx) => {
    await apiKeyQueries.insertApiKey(trx, {
      id,
      environmentId: scope.envId,
      name: params.name?.trim() || `${params.type === 'secret' ? 'Secret' : 'Publishable'} key`,
      type: params.type,
      prefix,
      hash: hashToken(key),
      scopes,
      rateLimit: params.rateLimit ?? null,
      ingestRateLimit: params.ingestRateLimit ?? null,
      createdBy: scope.actor.kind === 'session' ? scope.actor.userId : null,
    });
    await audit(trx, scope.actor, {
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: id,
      details: { type: params.type, scopes, rateLimit: params.rateLimit ?? null, ingestRateLimit: params.ingestRateLimit ?? null },
    });
  });
  return { key, id, prefix };
}

type ApiKeyRowView = Awaited<ReturnType<typeof apiKeyQueries.listApiKeys>>[number];

function toApiKeyView(r: ApiKeyRowView, mode: Mode): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    mode,
    prefix: r.prefix,
    scopes: (r.scopes as ApiScope[] | null) ?? null,
    rateLimit: r.rateLimit,
    ingestRateLimit: r.ingestRateLimit,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(db: Kysely<DB>, envId: string, mode: Mode): Promise<ApiKeyView[]> {
  return (await apiKeyQueries.listApiKeys(db, envId)).map((r) => toApiKeyView(r, mode));
}

export async function getApiKey(db: Kysely<DB>, envId: string, mode: Mode, id: string): Promise<ApiKeyView> {
  const row = await apiKeyQueries.findApiKey(db, envId, id);
  if (!row) throw new AppError('NOT_FOUND', 'API key not found');
  return toApiKeyView(row, mode);
}

export async function revokeApiKey(db: Kysely<DB>, scope: Scope, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await apiKeyQueries.findApiKey(trx, scope.envId, id);
    if (!existing) throw new AppError('NOT_FOUND', 'API key not found');
    await apiKeyQueries.revokeApiKey(trx, scope.envId, id, new Date());
    await audit(trx, scope.actor, { action: 'api_key.revoked', targetType: 'api_key', targetId: id });
  });
  evictKey(db, id);
}

/** Revokes a key by id alone (the CLI, which has no environment in hand), audited as the system. */
export async function revokeApiKeyById(db: Kysely<DB>, id: string): Promise<void> {
  const key = await apiKeyQueries.findApiKeyById(db, id);
  if (!key) throw new AppError('NOT_FOUND', `No API key with id ${id}`);
  await revokeApiKey(
    db,
    { envId: key.environmentId, workspaceId: key.workspaceId, actor: systemActor(key.workspaceId, key.environmentId) },
    id,
  );
}

/** Permissions a key carries: its scopes (all when none are set); publishable keys only ingest. */
export function keyPermissions(type: KeyType, scopes: readonly string[] | null): Set<Permission> {
  if (type === 'publishable') return new Set(PUBLISHABLE_PERMISSIONS);
  const granted = scopes?.length ? scopes : SCOPES;
  return new Set(granted.filter((s): s is ApiScope => (SCOPES as readonly string[]).includes(s)));
}

const KEY_PATTERN = /^(sk|pk)_(live|test)_[a-z2-7]{24,}$/;

/** Per-second limits configured on a key and on its environment, per rate class (REST.md); null = the server default. */
export interface KeyRateLimits {
  key: { api: number | null; ingest: number | null };
  environment: { api: number | null; ingest: number | null };
}

export interface AuthenticatedKey {
  actor: Actor & { kind: 'apiKey' };
  rateLimits: KeyRateLimits;
}

/**
 * A presented key's actor and rate limits, from the key cache or one query; unknown, malformed
 * or revoked keys → 401. The one key lookup behind authentication and rate limiting.
 */
export async function authenticateApiKeyWithLimits(db: Kysely<DB>, presented: string): Promise<AuthenticatedKey> {
  if (!KEY_PATTERN.test(presented)) throw new AppError('UNAUTHORIZED', 'Invalid API key');
  const hash = hashToken(presented);
  const cache = keyCache(db);
  const row = cache.get(hash) ?? (await apiKeyQueries.findApiKeyByHash(db, hash));
  if (!row) throw new AppError('UNAUTHORIZED', 'Invalid API key');
  if (row.revokedAt) throw new AppError('UNAUTHORIZED', 'This API key has been revoked');
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
    await apiKeyQueries.touchApiKey(db, row.id, now);
    row.lastUsedAt = now;
  }
  if (!cache.has(hash)) cache.set(hash, row);
  return {
    actor: {
      kind: 'apiKey',
      keyId: row.id,
      keyType: row.type,
      workspaceId: row.workspaceId,
      envId: row.environmentId,
      permissions: keyPermissions(row.type, row.scopes),
    },
    rateLimits: {
      key: { api: row.rateLimit, ingest: row.ingestRateLimit },
      environment: { api: row.environmentRateLimit, ingest: row.environmentIngestRateLimit },
    },
  };
}

/** The actor for a presented key; unknown, malformed or revoked keys → 401. */
export async function authenticateApiKey(db: Kysely<DB>, presented: string): Promise<Actor & { kind: 'apiKey' }> {
  return (await authenticateApiKeyWithLimits(db, presented)).actor;
}
