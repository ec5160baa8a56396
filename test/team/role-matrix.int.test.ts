/**
 * Every procedure with access rules (auth meta) × every staff role: allowed exactly when the
 * role's permissions (ROLE_PERMISSIONS) include the procedure's permission, FORBIDDEN otherwise.
 * The cases come from the router, so a new route is in the matrix the day it lands; staff-only
 * procedures also refuse API keys, and every procedure refuses a caller without credentials.
 *
 * An allowed call may still fail (NOT_FOUND for a made-up id, BAD_REQUEST for an input this file
 * does not know): `scoped` authorizes before the input is parsed and the handler runs, so any
 * answer but FORBIDDEN / UNAUTHORIZED proves authorization passed.
 */
import { randomUUID } from 'node:crypto';
import { appRouter, type TenureMeta } from '@tenure/api';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@tenure/contract';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import { type Caller, staffWithRole } from './team-fixtures';

let database: Database;
let tenant: Tenant;
const callers = {} as Record<Role, Caller>;

beforeAll(async () => {
  database = await setupTestDb();
  tenant = await createTenant(database.db);
  for (const role of ROLES) callers[role] = (await staffWithRole(database.db, tenant, role)).caller;
});
afterAll(() => database?.close());

const unique = () => randomUUID().slice(0, 8);
const RULES = [{ field: 'plan', operator: 'eq', value: 'pro' }];

/**
 * A small valid input where `{}` is not one. Made-up ids answer NOT_FOUND, so nothing shared is
 * changed; writes create fresh objects. A procedure not listed gets `{}`.
 */
const INPUTS: Record<string, () => unknown> = {
  'apiKeys.create': () => ({ type: 'secret', name: 'matrix' }),
  'apiKeys.revoke': () => ({ id: 'key_missing' }),
  // Null: the defaults, as the shared tenant already has them.
  'apiKeys.setEnvironmentLimits': () => ({ rateLimit: null, ingestRateLimit: null }),
  'team.members.updateRole': () => ({ userId: 'usr_missing', role: 'viewer' }),
  'team.members.remove': () => ({ userId: 'usr_missing' }),
  'team.invites.create': () => ({ email: `matrix-${unique()}@example.test`, role: 'viewer' }),
  'team.invites.revoke': () => ({ id: 'inv_missing' }),
  'customers.get': () => ({ id: 'ext_missing' }),
  'customers.journey': () => ({ id: 'ext_missing' }),
  'customers.attribution': () => ({ id: 'ext_missing' }),
  'customers.recalculate': () => ({ id: 'ext_missing' }),
  'customers.delete': () => ({ id: 'ext_missing' }),
  'customers.update': () => ({ id: 'ext_missing', name: 'Matrix' }),
  'customers.upsert': () => ({ externalId: `matrix-${unique()}` }),
  'customers.batch': () => ({ customers: [{ externalId: `matrix-${unique()}` }] }),
  'customers.batchDelete': () => ({ ids: ['ext_missing'] }),
  'customers.upsertArrayItems': () => ({ records: [{ externalId: 'missing', field: 'items', items: [{ id: 'a' }] }] }),
  'customers.deleteArrayItems': () => ({ records: [{ externalId: 'missing', field: 'items', ids: ['a'] }] }),
  'events.ingest': () => ({ externalId: `matrix-${unique()}`, name: 'matrix' }),
  'events.ingestBatch': () => ({ events: [{ externalId: `matrix-${unique()}`, name: 'matrix' }] }),
  'events.get': () => ({ id: 'evt_missing' }),
  'events.delete': () => ({ id: 'evt_missing' }),
  'segments.get': () => ({ id: 'seg_missing' }),
  'segments.update': () => ({ id: 'seg_missing', name: 'Matrix' }),
  'segments.delete': () => ({ id: 'seg_missing' }),
  'segments.customers': () => ({ id: 'seg_missing' }),
  'segments.changes': () => ({ id: 'seg_missing' }),
  'segments.create': () => ({ name: `matrix ${unique()}`, rules: RULES }),
  'segments.estimate': () => ({ rules: RULES }),
};

/** Procedures that end the caller's membership: each case gets a fresh member of that role. */
const CONSUMES_CALLER = new Set(['team.leave']);

/** What an allowed call may answer; anything else (a 5xx included) fails the case. */
const ALLOWED_OUTCOMES = ['ok', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT'];

type Procedure = (input?: unknown) => Promise<unknown>;

/** The caller's procedure at a tRPC path (`team.members.list`). */
function procedureOf(caller: Caller, path: string): Procedure {
  return path.split('.').reduce<any>((node, key) => node[key], caller) as Procedure;
}

/** `ok`, or the tRPC code the call was refused with. */
async function outcome(caller: Caller, path: string): Promise<string> {
  const input = INPUTS[path]?.() ?? {};
  return procedureOf(
    caller,
    path,
  )(input).then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );
}

const procedures = Object.entries(appRouter._def.procedures).map(([path, p]) => ({
  path,
  auth: (p as unknown as { _def: { meta?: TenureMeta } })._def.meta?.auth,
}));
const guarded = procedures.flatMap(({ path, auth }) => (auth ? [{ path, auth }] : []));

describe.each(guarded)('$path ($auth.permission)', ({ path, auth }) => {
  it.each(ROLES)('%s', async (role) => {
    const allowed = ROLE_PERMISSIONS[role].includes(auth.permission);
    const caller = CONSUMES_CALLER.has(path) ? (await staffWithRole(database.db, tenant, role)).caller : callers[role];
    const result = await outcome(caller, path);
    if (allowed) expect(ALLOWED_OUTCOMES).toContain(result);
    else expect(result).toBe('FORBIDDEN');
  });
});

it('the matrix covers the router: every procedure has access rules or is listed as public / signed-in', () => {
  const unguarded: Record<string, 'public' | 'signed-in'> = {
    'auth.login': 'public',
    'auth.logout': 'public',
    'auth.me': 'signed-in',
    'team.invites.get': 'public',
    'team.invites.accept': 'public',
    'profile.update': 'signed-in',
    'profile.changePassword': 'signed-in',
    'profile.signOutEverywhere': 'signed-in',
  };
  expect(procedures.filter((p) => !p.auth).map((p) => p.path)).toEqual(Object.keys(unguarded));
  expect(guarded.length).toBeGreaterThan(40);
  for (const path of Object.keys(INPUTS)) expect(guarded.map((p) => p.path)).toContain(path);
});

const ALL: Role[] = ['owner', 'admin', 'member', 'viewer'];
const MANAGERS: Role[] = ['owner', 'admin'];
const WRITERS: Role[] = ['owner', 'admin', 'member'];

/** Who may call each staff procedure (QUALITY.md "Roles"), written out so a changed permission shows up. */
const STAFF_EXPECTED: Record<string, Role[]> = {
  'analytics.getSettings': ALL,
  'analytics.updateSettings': MANAGERS,
  'analytics.recomputeStatus': ALL,
  'analytics.dropSnapshots': WRITERS,
  'apiKeys.list': MANAGERS,
  'apiKeys.create': MANAGERS,
  'apiKeys.revoke': MANAGERS,
  'apiKeys.environmentLimits': MANAGERS,
  'apiKeys.setEnvironmentLimits': MANAGERS,
  'team.members.list': ALL,
  'team.members.updateRole': MANAGERS,
  'team.members.remove': MANAGERS,
  'team.leave': ALL,
  'team.invites.list': MANAGERS,
  'team.invites.create': MANAGERS,
  'team.invites.revoke': MANAGERS,
};
const staffOnly = guarded.filter((p) => p.auth.staffOnly);

it('the staff-only procedures and the roles they admit are the ones written out', () => {
  const admitted = Object.fromEntries(
    staffOnly.map(({ path, auth }) => [path, ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(auth.permission))]),
  );
  expect(admitted).toEqual(STAFF_EXPECTED);
});

it.each(staffOnly.map((p) => p.path))('%s: an API key (all scopes) → FORBIDDEN', async (path) => {
  expect(await outcome(callerFor(database.db, keyActor(tenant)), path)).toBe('FORBIDDEN');
});

it.each(guarded.map((p) => p.path))('%s: no credentials → UNAUTHORIZED', async (path) => {
  expect(await outcome(callerFor(database.db, null), path)).toBe('UNAUTHORIZED');
});
