/** Invites: create, list, replace, revoke. */
import { createHash } from 'node:crypto';
import { INVITE_TTL_MS } from '@tenure/contract';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { anonymousCaller, auditOf, staffWithRole, tenantWithOwner as withOwner, uniqueEmail } from './team-fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

const tenantWithOwner = () => withOwner(database.db);

describe('team.invites.create / list / revoke', () => {
  it('creates a one-time link valid 7 days; only the SHA-256 of its token is stored', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const before = Date.now();
    const created = await owner.caller.team.invites.create({ email: 'New.Person@Example.test', role: 'member' });
    expect(created.invite).toMatchObject({ email: 'new.person@example.test', role: 'member', invitedBy: { id: owner.userId } });
    expect(created.invite.id).toMatch(/^inv_/);
    expect(created.path).toBe(`/invite/${created.token}`);
    expect(created.token).toMatch(/^[a-z2-7]{32}$/);
    const ttl = Date.parse(created.invite.expiresAt) - Date.parse(created.invite.createdAt);
    expect(ttl).toBe(INVITE_TTL_MS);
    expect(Date.parse(created.invite.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    const row = await database.db.selectFrom('invites').selectAll().where('id', '=', created.invite.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const { invites } = await owner.caller.team.invites.list();
    expect(invites.map((i) => i.id)).toEqual([created.invite.id]);
    expect(JSON.stringify(invites)).not.toContain(created.token);
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'invite.created',
      userId: owner.userId,
      targetId: created.invite.id,
      details: { email: 'new.person@example.test', role: 'member', replaced: [] },
    });
  });

  it('the link is absolute when the request’s app URL is known (internal callers get only the path)', async () => {
    const { owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('path'), role: 'viewer' });
    expect(created.url).toBeNull();
  });

  it('inviting the same email again replaces the open invite (the old link stops working)', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const email = uniqueEmail('again');
    const first = await owner.caller.team.invites.create({ email, role: 'viewer' });
    const second = await owner.caller.team.invites.create({ email: email.toUpperCase(), role: 'admin' });
    const { invites } = await owner.caller.team.invites.list();
    expect(invites.map((i) => [i.id, i.role])).toEqual([[second.invite.id, 'admin']]);
    await expect(anonymousCaller(database.db).caller.team.invites.get({ token: first.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)?.details).toMatchObject({ replaced: [first.invite.id] });
  });

  it('refuses to invite someone who is already a member', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const member = await staffWithRole(database.db, tenant, 'member');
    await expect(owner.caller.team.invites.create({ email: member.email.toUpperCase(), role: 'admin' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('rejects a malformed email or role', async () => {
    const { owner } = await tenantWithOwner();
    await expect(owner.caller.team.invites.create({ email: 'not-an-email', role: 'member' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(owner.caller.team.invites.create({ email: uniqueEmail('x'), role: 'god' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('revoking ends the link; it is audited; a revoked or unknown invite cannot be revoked again', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('revoke'), role: 'member' });
    await expect(owner.caller.team.invites.revoke({ id: created.invite.id })).resolves.toEqual({ revoked: true, id: created.invite.id });
    expect((await owner.caller.team.invites.list()).invites).toEqual([]);
    await expect(anonymousCaller(database.db).caller.team.invites.get({ token: created.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(owner.caller.team.invites.revoke({ id: created.invite.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'invite.revoked',
      targetId: created.invite.id,
    });
  });

  it('another workspace’s invite is not found', async () => {
    const a = await tenantWithOwner();
    const b = await tenantWithOwner();
    const theirs = await b.owner.caller.team.invites.create({ email: uniqueEmail('theirs'), role: 'member' });
    await expect(a.owner.caller.team.invites.revoke({ id: theirs.invite.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await a.owner.caller.team.invites.list()).invites).toEqual([]);
  });

  it('admins invite and revoke below owner; they cannot revoke an owner’s invite', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const admin = await staffWithRole(database.db, tenant, 'admin');
    const ownerInvite = await owner.caller.team.invites.create({ email: uniqueEmail('co-owner'), role: 'owner' });
    await expect(admin.caller.team.invites.revoke({ id: ownerInvite.invite.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const adminInvite = await admin.caller.team.invites.create({ email: uniqueEmail('helper'), role: 'admin' });
    await expect(admin.caller.team.invites.revoke({ id: adminInvite.invite.id })).resolves.toMatchObject({ revoked: true });
  });
});
