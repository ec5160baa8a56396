/**
 * Keys found valid, kept for a few seconds per database so an authenticated request costs one
 * round trip less (GET /customers/{id} is then a single statement). Only valid keys are kept, so a
 * new key works at once. A revocation made in this process evicts the key at once; one made by
 * another process (the CLI, another server instance) takes effect within KEY_CACHE_TTL_MS.
 */
import type { apiKeyQueries, DB, Kysely } from '@tenure/db';
import { LRUCache } from 'lru-cache';

export const KEY_CACHE_TTL_MS = 5_000;

export type CachedKey = NonNullable<Awaited<ReturnType<typeof apiKeyQueries.findApiKeyByHash>>>;

const caches = new WeakMap<Kysely<DB>, LRUCache<string, CachedKey>>();

/** The cache of one database (keyed by the key's SHA-256). */
export function keyCache(db: Kysely<DB>): LRUCache<string, CachedKey> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<string, CachedKey>({ max: 10_000, ttl: KEY_CACHE_TTL_MS });
    caches.set(db, cache);
  }
  return cache;
}

/** Evicts a key by id (revocation). */
export function evictKey(db: Kysely<DB>, keyId: string): void {
  const cache = keyCache(db);
  for (const [hash, row] of cache.entries()) if (row.id === keyId) cache.delete(hash);
}
