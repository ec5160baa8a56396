/** Unique tenants per test: a workspace with both environments, an owner, and keys. */
import { randomUUID } from 'node:crypto';
import type { Mode, Role, Scope as ApiScope } from '@tenure/contract';
import {
  type Actor,
  createApiKey,
  createUserInWorkspace,
  createWorkspace,
  keyPermissions,
  requireEnvironment,
  sessionActor,
  validateSessionToken,
  createSession,
  setEnvironmentRateLimits,
  systemActor as coreSystemActor,
} from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';

export interface Tenant {
  workspaceId: string;
  slug: string;
  live: { envId: string };
  test: { envId: string };
  owner: { email: string; password: string; userId: string };
}

export const PASSWORD = 'correct horse battery';

export async function createTenant(db: Kysely<DB>): Promise<Tenant> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const ws = await createWorkspace(db, { slug, name: `Test ${slug}` });
  const email = `${slug}@example.test`;
  const user = await createUserInWorkspace(db, { email, password: PASSWORD, workspaceSlug: slug, role: 'owner' });
  const live = await requireEnvironment(db, slug, 'live');
  const test = await requireEnvironment(db, slug, 'test');
  return {
    workspaceId: ws.id,
    slug,
    live: { envId: live.environment.id },
    test: { envId: test.environment.id },
    owner: { email, password: PASSWORD, userId: user.id },
  };
}

/** The system actor of a tenant's environment. */
export function systemActor(tenant: Tenant, mode: Mode = 'live'): Actor {
  return coreSystemActor(tenant.workspaceId, tenant[mode].envId);
}

/** An API-key actor for createCaller tests (no HTTP). */
export function keyActor(tenant: Tenant, opts: { mode?: Mode; type?: 'secret' | 'publishable'; scopes?: ApiScope[] } = {}): Actor {
  const mode = opts.mode ?? 'live';
  const type = opts.type ?? 'secret';
  return {
    kind: 'apiKey',
    keyId: 'key_test',
    keyType: type,
    workspaceId: tenant.workspaceId,
    envId: tenant[mode].envId,
    permissions: keyPermissions(type, opts.scopes ?? null),
  };
}

/** A real key stored in the database, for HTTP tests. */
export async function createKey(
  db: Kysely<DB>,
  tenant: Tenant,
  opts: { mode?: Mode; type?: 'secret' | 'publishable'; scopes?: ApiScope[]; rateLimit?: number; ingestRateLimit?: number } = {},
): Promise<{ key: string; id: string }> {
  const mode = opts.mode ?? 'live';
  const scope = { envId: tenant[mode].envId, workspaceId: tenant.workspaceId, actor: systemActor(tenant, mode), mode };
  const { type = 'secret', scopes, rateLimit, ingestRateLimit } = opts;
  return createApiKey(db, scope, { type, scopes, rateLimit, ingestRateLimit });
}

/** A staff session actor with the given role (a separate user per call). */
export async function staffActor(db: Kysely<DB>, tenant: Tenant, role: Role, mode: Mode = 'live'): Promise<Actor> {
  const email = `${role}-${randomUUID().slice(0, 8)}@${tenant.slug}.test`;
  const user = await createUserInWorkspace(db, { email, password: PASSWORD, workspaceSlug: tenant.slug, role });
  const { token } = await createSession(db, user.id);
  const session = await validateSessionToken(db, token);
  if (!session) throw new Error('session vanished');
  return sessionActor(db, session, tenant[mode].envId);
}

/** Sets an environment's rate-limit ceilings as `tenure environment set` does. */
export function setEnvironmentLimits(
  db: Kysely<DB>,
  tenant: Tenant,
  limits: { rateLimit?: number; ingestRateLimit?: number },
  mode: Mode = 'live',
) {
  return setEnvironmentRateLimits(
    db,
    { envId: tenant[mode].envId, workspaceId: tenant.workspaceId, actor: systemActor(tenant, mode) },
    limits,
  );
}
