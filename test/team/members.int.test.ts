/** Members: the list, role changes, removal and leaving, with the admin/owner and last-owner rules and their audit entries. */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createTenant, type Tenant } from '../helpers/fixtures';
import { auditOf, sessionCaller, signIn, type Staff, staffWithRole } from './team-fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

async function tenantWithOwner(): Promise<{ tenant: Tenant; owner: Staff }> {
  const tenant = await createTenant(database.db);
  return { tenant, owner: await signIn(database.db, tenant, tenant.owner.email) };
}

const lastOwner = { code: 'CONFLICT', cause: { reason: 'LAST_OWNER' } };

describe('team.members.list', () => {
  it('lists name, email, role, joined and last sign-in of every member, for every role', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    const { members } = await viewer.caller.team.members.list();
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [tenant.owner.email, 'owner'],
      [viewer.email, 'viewer'],
    ]);
    const mine = members.find((m) => m.userId === owner.userId);
    expect(mine?.lastSignInAt).not.toBeNull();
    expect(Date.now() - Date.parse(mine?.lastSignInAt ?? '')).toBeLessThan(60_000);
    expect(Date.parse(mine?.joinedAt ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('never shows another workspace’s members', async () => {
    const a = await tenantWithOwner();
    const b = await tenantWithOwner();
    const { members } = await a.owner.caller.team.members.list();
    expect(members.map((m) => m.userId)).not.toContain(b.owner.userId);
  });
});

describe('team.members.updateRole', () => {
  it('an owner changes a role; the change is audited in the same workspace', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    const { member: changed } = await owner.caller.team.members.updateRole({ userId: member.userId, role: 'admin' });
    expect(changed.role).toBe('admin');
    const entries = await auditOf(database.db, tenant.workspaceId);
    expect(entries.at(-1)).toMatchObject({
      action: 'member.role_changed',
      userId: owner.userId,
      targetId: member.userId,
      environmentId: null,
      details: { email: member.email, from: 'member', to: 'admin' },
    });
  });

  it('an unchanged role writes nothing', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    await owner.caller.team.members.updateRole({ userId: member.userId, role: 'member' });
    expect((await auditOf(database.db, tenant.workspaceId)).filter((e) => e.action === 'member.role_changed')).toEqual([]);
  });

  it('admins cannot touch owners: no demoting an owner, no promoting to owner, no inviting one', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const admin = await staffWithRole(database.db, tenant, 'admin');
    const member = await staffWithRole(database.db, tenant, 'member');
    await expect(admin.caller.team.members.updateRole({ userId: owner.userId, role: 'admin' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.caller.team.members.updateRole({ userId: member.userId, role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.caller.team.members.updateRole({ userId: admin.userId, role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.caller.team.invites.create({ email: 'boss@example.test', role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { member: viewer } = await admin.caller.team.members.updateRole({ userId: member.userId, role: 'viewer' });
    expect(viewer.role).toBe('viewer');
  });

  it('members and viewers cannot change roles', async () => {
    const { tenant } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    await expect(member.caller.team.members.updateRole({ userId: viewer.userId, role: 'member' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(viewer.caller.team.members.updateRole({ userId: viewer.userId, role: 'admin' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the last owner cannot be demoted, not even by themselves; with two owners one may step down', async () => {
    const { tenant, owner } = await tenantWithOwner();
    await expect(owner.caller.team.members.updateRole({ userId: owner.userId, role: 'admin' })).rejects.toMatchObject(lastOwner);
    const second = await staffWithRole(database.db, tenant, 'owner');
    await owner.caller.team.members.updateRole({ userId: owner.userId, role: 'admin' });
    await expect(second.caller.team.members.updateRole({ userId: second.userId, role: 'member' })).rejects.toMatchObject(lastOwner);
    const { members } = await second.caller.team.members.list();
    expect(members.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([second.userId]);
  });

  it('two owners demoting each other at once leave exactly one owner', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const second = await staffWithRole(database.db, tenant, 'owner');
    const results = await Promise.allSettled([
      owner.caller.team.members.updateRole({ userId: second.userId, role: 'admin' }),
      second.caller.team.members.updateRole({ userId: owner.userId, role: 'admin' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: expect.stringMatching(/CONFLICT|NOT_FOUND|FORBIDDEN/) },
    });
    const { members } = await owner.caller.team.members.list().catch(() => second.caller.team.members.list());
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('someone outside the workspace is not found', async () => {
    const { owner } = await tenantWithOwner();
    const other = await tenantWithOwner();
    await expect(owner.caller.team.members.updateRole({ userId: other.owner.userId, role: 'viewer' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(owner.caller.team.members.remove({ userId: 'usr_nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes effect on the member’s next request, without a new sign-in', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    await expect(viewer.caller.customers.upsert({ externalId: 'v-1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await owner.caller.team.members.updateRole({ userId: viewer.userId, role: 'member' });
    const next = await sessionCaller(database.db, viewer.token, tenant.live.envId);
    await expect(next.caller.customers.upsert({ externalId: 'v-1' })).resolves.toMatchObject({ customer: { externalId: 'v-1' } });
    const me = await next.caller.auth.me();
    expect(me.workspaces.find((w) => w.id === tenant.workspaceId)?.role).toBe('member');
  });

  it('a role lost since the request started counts: a demoted admin can no longer manage', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const admin = await staffWithRole(database.db, tenant, 'admin');
    const member = await staffWithRole(database.db, tenant, 'member');
    await owner.caller.team.members.updateRole({ userId: admin.userId, role: 'viewer' });
    // admin.caller still holds the actor resolved as "admin"; the rule reads the role inside the transaction.
    await expect(admin.caller.team.members.updateRole({ userId: member.userId, role: 'viewer' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('team.members.remove', () => {
  it('an owner removes a member: gone from the list, their session loses the workspace at once, audited', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    await expect(owner.caller.team.members.remove({ userId: member.userId })).resolves.toEqual({ removed: true, userId: member.userId });
    const { members } = await owner.caller.team.members.list();
    expect(members.map((m) => m.userId)).not.toContain(member.userId);
    await expect(sessionCaller(database.db, member.token, tenant.live.envId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'member.removed',
      userId: owner.userId,
      targetId: member.userId,
      details: { email: member.email, role: 'member' },
    });
  });

  it('admins remove members and admins but never owners', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const admin = await staffWithRole(database.db, tenant, 'admin');
    const otherAdmin = await staffWithRole(database.db, tenant, 'admin');
    await expect(admin.caller.team.members.remove({ userId: owner.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.caller.team.members.remove({ userId: otherAdmin.userId })).resolves.toMatchObject({ removed: true });
  });

  it('the last owner cannot be removed; another owner can be', async () => {
    const { tenant, owner } = await tenantWithOwner();
    await expect(owner.caller.team.members.remove({ userId: owner.userId })).rejects.toMatchObject(lastOwner);
    const second = await staffWithRole(database.db, tenant, 'owner');
    await expect(second.caller.team.members.remove({ userId: owner.userId })).resolves.toMatchObject({ removed: true });
    await expect(second.caller.team.members.remove({ userId: second.userId })).rejects.toMatchObject(lastOwner);
  });

  it('members and viewers cannot remove anyone', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    await expect(member.caller.team.members.remove({ userId: viewer.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.caller.team.members.remove({ userId: owner.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('team.leave', () => {
  it('any member may leave; it is audited as their own action', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    await expect(viewer.caller.team.leave()).resolves.toEqual({ left: true, workspaceId: tenant.workspaceId });
    const { members } = await owner.caller.team.members.list();
    expect(members.map((m) => m.userId)).toEqual([owner.userId]);
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'member.left',
      userId: viewer.userId,
      targetId: viewer.userId,
    });
  });

  it('the last owner cannot leave; once there is another owner they can', async () => {
    const { tenant, owner } = await tenantWithOwner();
    await expect(owner.caller.team.leave()).rejects.toMatchObject(lastOwner);
    await staffWithRole(database.db, tenant, 'owner');
    await expect(owner.caller.team.leave()).resolves.toMatchObject({ left: true });
  });
});
