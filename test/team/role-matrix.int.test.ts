/**
 * Every staff-only procedure × role (owner, admin, member, viewer), an API key and no credentials:
 * allowed or FORBIDDEN. The list comes from the router's meta, so a new staff procedure without
 * a case here fails; the expected roles are written out so a changed permission shows up too.
 */
import { randomUUID } from 'node:crypto';
import { appRouter, type TenureMeta } from '@tenure/api';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@tenure/contract';
import { createInvite } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant, keyActor, type Tenant } from '../helpers/fixtures';
import { type Caller, staffWithRole } from './team-fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

const ALL: Role[] = ['owner', 'admin', 'member', 'viewer'];
const MANAGERS: Role[] = ['owner', 'admin'];
const WRITERS: Role[] = ['owner', 'admin', 'member'];

/** Who may call each staff procedure (QUALITY.md "Roles"): members manage neither keys nor the team. */
const EXPECTED: Record<string, Role[]> = {
  'analytics.getSettings': ALL,
  'analytics.updateSettings': MANAGERS,
  'analytics.recomputeStatus': ALL,
  'analytics.dropSnapshots': WRITERS,
  'apiKeys.list': MANAGERS,
  'apiKeys.create': MANAGERS,
  'apiKeys.revoke': MANAGERS,
  'team.members.list': ALL,
  'team.members.updateRole': MANAGERS,
  'team.members.remove': MANAGERS,
  'team.leave': ALL,
  'team.invites.list': MANAGERS,
  'team.invites.create': MANAGERS,
  'team.invites.revoke': MANAGERS,
};

/** Procedures of the team and profile routers that are not staff-only, and who may call them. */
const NOT_STAFF_ONLY: Record<string, 'public' | 'signed-in'> = {
  'team.invites.get': 'public',
  'team.invites.accept': 'public',
  'profile.update': 'signed-in',
  'profile.changePassword': 'signed-in',
  'profile.signOutEverywhere': 'signed-in',
};

/** One call per procedure that succeeds for an allowed caller, on fresh objects of the tenant. */
const CALLS: Record<string, (caller: Caller, tenant: Tenant) => Promise<unknown>> = {
  'analytics.getSettings': (c) => c.analytics.getSettings(),
  'analytics.updateSettings': (c) => c.analytics.updateSettings({}),
  'analytics.recomputeStatus': (c) => c.analytics.recomputeStatus(),
  'analytics.dropSnapshots': (c) => c.analytics.dropSnapshots(),
  'apiKeys.list': (c) => c.apiKeys.list(),
  'apiKeys.create': (c) => c.apiKeys.create({ type: 'secret', name: 'matrix' }),
  'apiKeys.revoke': async (c, t) => c.apiKeys.revoke({ id: (await createKey(database.db, t)).id }),
  'team.members.list': (c) => c.team.members.list(),
  'team.members.updateRole': async (c, t) =>
    c.team.members.updateRole({ userId: (await staffWithRole(database.db, t, 'viewer')).userId, role: 'member' }),
  'team.members.remove': async (c, t) => c.team.members.remove({ userId: (await staffWithRole(database.db, t, 'viewer')).userId }),
  'team.leave': (c) => c.team.leave(),
  'team.invites.list': (c) => c.team.invites.list(),
  'team.invites.create': (c) => c.team.invites.create({ email: `${randomUUID()}@example.test`, role: 'member' }),
  'team.invites.revoke': async (c, t) => {
    const { invite } = await createInvite(
      database.db,
      { workspaceId: t.workspaceId, userId: t.owner.userId },
      { email: `${randomUUID()}@example.test`, role: 'member' },
    );
    return c.team.invites.revoke({ id: invite.id });
  },
};

function procedures() {
  return Object.entries(appRouter._def.procedures).map(([path, p]) => ({
    path,
    auth: (p as unknown as { _def: { meta?: TenureMeta } })._def.meta?.auth,
  }));
}

const staffOnly = procedures().filter((p) => p.auth?.staffOnly);

it('every staff-only procedure has a case and an expected role list that matches its permission', () => {
  expect(staffOnly.map((p) => p.path).sort()).toEqual(Object.keys(EXPECTED).sort());
  expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const { path, auth } of staffOnly) {
    const allowed = ROLES.filter((role) => auth && ROLE_PERMISSIONS[role].includes(auth.permission));
    expect({ path, allowed }).toEqual({ path, allowed: EXPECTED[path] });
  }
});

it('every team and profile procedure is either staff-only or listed as public / signed-in', () => {
  const teamAndProfile = procedures().filter((p) => p.path.startsWith('team.') || p.path.startsWith('profile.'));
  for (const { path, auth } of teamAndProfile) {
    expect({ path, covered: Boolean(auth?.staffOnly) || path in NOT_STAFF_ONLY }).toEqual({ path, covered: true });
  }
});

// Procedures without a case fail the first test above, by name.
describe.each(staffOnly.map((p) => p.path).filter((path) => path in CALLS))('%s', (path) => {
  const call = CALLS[path] as (caller: Caller, tenant: Tenant) => Promise<unknown>;

  it.each(ALL)('%s', async (role) => {
    const tenant = await createTenant(database.db);
    const staff = await staffWithRole(database.db, tenant, role);
    const result = call(staff.caller, tenant);
    if (EXPECTED[path]?.includes(role)) await expect(result).resolves.toBeDefined();
    else await expect(result).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an API key (all scopes) → FORBIDDEN', async () => {
    const tenant = await createTenant(database.db);
    await expect(call(callerFor(database.db, keyActor(tenant)), tenant)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('no credentials → UNAUTHORIZED', async () => {
    const tenant = await createTenant(database.db);
    await expect(call(callerFor(database.db, null), tenant)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
