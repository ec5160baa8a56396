/**
 * Signed-in staff for team and profile tests: a real login (so sessions and last sign-in are
 * real), the actor resolved as a request would, and a caller whose context carries the session
 * user and records the cookies a procedure sets or clears.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@tenure/contract';
import { createCaller, createContextInner } from '@tenure/api';
import { type Actor, createUserInWorkspace, login, type SessionUser, sessionActor, validateSessionToken } from '@tenure/core';
import { auditQueries, type DB, type Kysely } from '@tenure/db';
import { createTenant, PASSWORD, type Tenant } from '../helpers/fixtures';

export interface CookieJar {
  set: { token: string; expiresAt: Date }[];
  cleared: number;
}

function cookieJar() {
  const jar: CookieJar = { set: [], cleared: 0 };
  const sink = {
    set: (token: string, expiresAt: Date) => {
      jar.set.push({ token, expiresAt });
    },
    clear: () => {
      jar.cleared += 1;
    },
  };
  return { jar, sink };
}

export type Caller = ReturnType<typeof createCaller>;

/** A caller as an HTTP request of this session would get it (user, actor in `envId`, cookie). */
export async function sessionCaller(db: Kysely<DB>, token: string, envId?: string) {
  const user = await validateSessionToken(db, token);
  if (!user) throw new Error('session is gone');
  const actor = envId ? await sessionActor(db, user, envId) : null;
  const { jar, sink } = cookieJar();
  const caller = createCaller(createContextInner({ db, user, actor, sessionToken: token, cookies: sink }));
  return { caller, user, actor, jar };
}

export interface Staff {
  userId: string;
  email: string;
  password: string;
  token: string;
  user: SessionUser;
  actor: Actor & { kind: 'session' };
  caller: Caller;
  jar: CookieJar;
}

/** Signs `email` in and returns its caller in the tenant's live environment. */
export async function signIn(db: Kysely<DB>, tenant: Tenant, email: string, password = PASSWORD): Promise<Staff> {
  const session = await login(db, { email, password });
  const { caller, user, actor, jar } = await sessionCaller(db, session.token, tenant.live.envId);
  if (actor?.kind !== 'session') throw new Error('expected a session actor');
  return { userId: session.userId, email, password, token: session.token, user, actor, caller, jar };
}

/** A new user with `role` in the tenant's workspace, signed in. */
export async function staffWithRole(db: Kysely<DB>, tenant: Tenant, role: Role): Promise<Staff> {
  const email = `${role}-${randomUUID().slice(0, 8)}@${tenant.slug}.test`;
  await createUserInWorkspace(db, { email, password: PASSWORD, workspaceSlug: tenant.slug, role });
  return signIn(db, tenant, email);
}

/** A caller without credentials (the invite accept page), recording cookies. */
export function anonymousCaller(db: Kysely<DB>, opts: { sessionToken?: string; ip?: string } = {}) {
  const { jar, sink } = cookieJar();
  const caller = createCaller(
    createContextInner({ db, sessionToken: opts.sessionToken ?? null, ip: opts.ip ?? '127.0.0.1', cookies: sink }),
  );
  return { caller, jar };
}

/** The workspace's audit entries, oldest first. */
export async function auditOf(db: Kysely<DB>, workspaceId: string) {
  const rows = await auditQueries.listAudit(db, workspaceId, 100);
  return rows
    .reverse()
    .map((r) => ({ action: r.action, userId: r.userId, targetId: r.targetId, environmentId: r.environmentId, details: r.details }));
}

/** The token inside an invite path `/invite/<token>`. */
export function tokenOf(path: string): string {
  const token = path.split('/').at(-1);
  if (!token) throw new Error(`no token in ${path}`);
  return token;
}

/** A fresh tenant and its owner, signed in. */
export async function tenantWithOwner(db: Kysely<DB>): Promise<{ tenant: Tenant; owner: Staff }> {
  const tenant = await createTenant(db);
  return { tenant, owner: await signIn(db, tenant, tenant.owner.email) };
}

export function uniqueEmail(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;
}
