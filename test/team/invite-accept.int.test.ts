/** The invite link: preview, accept as a new or an existing account, expiry, single use, wrong email; the CLI path. */
import { INVITE_TTL_MS } from '@tenure/contract';
import { createInvite, createUserInWorkspace, createWorkspace, login, validateSessionToken } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createTenant, PASSWORD } from '../helpers/fixtures';
import {
  anonymousCaller,
  auditOf,
  sessionCaller,
  signIn,
  staffWithRole,
  tenantWithOwner as withOwner,
  tokenOf,
  uniqueEmail,
} from './team-fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

const NEW_PASSWORD = 'a brand new password';
const tenantWithOwner = () => withOwner(database.db);

describe('team.invites.get / accept', () => {
  it('previews the workspace, role and email, and whether the account exists', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('preview'), role: 'admin' });
    const preview = await anonymousCaller(database.db).caller.team.invites.get({ token: created.token });
    expect(preview).toEqual({
      workspaceName: `Test ${tenant.slug}`,
      email: created.invite.email,
      role: 'admin',
      expiresAt: created.invite.expiresAt,
      accountExists: false,
    });
    await expect(anonymousCaller(database.db).caller.team.invites.get({ token: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a new account sets name and password, joins with the invite’s role and is signed in', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const email = uniqueEmail('fresh');
    const created = await owner.caller.team.invites.create({ email, role: 'member' });
    const { caller, jar } = anonymousCaller(database.db);
    const accepted = await caller.team.invites.accept({
      token: tokenOf(created.path),
      mode: 'create',
      name: 'Fresh Person',
      password: NEW_PASSWORD,
    });
    expect(accepted.user).toMatchObject({ email, name: 'Fresh Person' });
    expect(accepted.workspaceId).toBe(tenant.workspaceId);
    expect(accepted.workspaces.map((w) => [w.id, w.role])).toEqual([[tenant.workspaceId, 'member']]);

    expect(jar.set).toHaveLength(1);
    const session = await validateSessionToken(database.db, jar.set[0]?.token ?? '');
    expect(session?.userId).toBe(accepted.user.id);
    const { members } = await owner.caller.team.members.list();
    expect(members.find((m) => m.email === email)).toMatchObject({ role: 'member', name: 'Fresh Person' });
    expect(members.find((m) => m.email === email)?.lastSignInAt).not.toBeNull();
    expect((await owner.caller.team.invites.list()).invites).toEqual([]);

    await expect(login(database.db, { email, password: NEW_PASSWORD })).resolves.toMatchObject({ userId: accepted.user.id });
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'invite.accepted',
      userId: accepted.user.id,
      targetId: created.invite.id,
      environmentId: null,
      details: { email, role: 'member', newAccount: true },
    });
  });

  it('an existing account joins with its own password (and keeps its other workspaces)', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const elsewhere = await createTenant(database.db);
    const person = await staffWithRole(database.db, elsewhere, 'member');
    const created = await owner.caller.team.invites.create({ email: person.email, role: 'viewer' });

    const anon = anonymousCaller(database.db);
    expect((await anon.caller.team.invites.get({ token: created.token })).accountExists).toBe(true);
    await expect(
      anon.caller.team.invites.accept({ token: created.token, mode: 'create', name: 'Dup', password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      anon.caller.team.invites.accept({ token: created.token, mode: 'signIn', password: 'not my password' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const accepted = await anon.caller.team.invites.accept({ token: created.token, mode: 'signIn', password: PASSWORD });
    expect(accepted.user.id).toBe(person.userId);
    expect(accepted.workspaces.map((w) => [w.id, w.role]).sort()).toEqual(
      [
        [elsewhere.workspaceId, 'member'],
        [tenant.workspaceId, 'viewer'],
      ].sort(),
    );
    expect(anon.jar.set).toHaveLength(1);
    expect((await auditOf(database.db, tenant.workspaceId)).at(-1)).toMatchObject({
      action: 'invite.accepted',
      details: { newAccount: false },
    });
  });

  it('signIn mode without an account asks to create one', async () => {
    const { owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('nobody'), role: 'member' });
    await expect(
      anonymousCaller(database.db).caller.team.invites.accept({ token: created.token, mode: 'signIn', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('is bound to the invited email: another account’s password does not accept it, and nobody else joins', async () => {
    const { owner } = await tenantWithOwner();
    const elsewhere = await createTenant(database.db);
    const alice = await staffWithRole(database.db, elsewhere, 'member');
    const bobEmail = uniqueEmail('bob');
    const bobPassword = 'bob has his own password';
    await createUserInWorkspace(database.db, { email: bobEmail, password: bobPassword, workspaceSlug: elsewhere.slug, role: 'member' });
    const bob = await signIn(database.db, elsewhere, bobEmail, bobPassword);
    const created = await owner.caller.team.invites.create({ email: alice.email, role: 'admin' });

    // Bob, signed in, opens Alice's link: his session does not count and his password is not Alice's.
    const asBob = anonymousCaller(database.db, { sessionToken: bob.token });
    await expect(asBob.caller.team.invites.accept({ token: created.token, mode: 'signIn', password: bobPassword })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(
      asBob.caller.team.invites.accept({ token: created.token, mode: 'create', name: 'Bob', password: bobPassword }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(asBob.jar.set).toEqual([]);
    const { members } = await owner.caller.team.members.list();
    expect(members.map((m) => m.userId)).not.toContain(bob.userId);
    expect(members.map((m) => m.userId)).not.toContain(alice.userId);
    expect((await owner.caller.team.invites.list()).invites.map((i) => i.email)).toEqual([alice.email]);
  });

  it('accepting while signed in as someone else replaces that session (like a login)', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const bob = await staffWithRole(database.db, await createTenant(database.db), 'member');
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('carol'), role: 'member' });
    const asBob = anonymousCaller(database.db, { sessionToken: bob.token });
    const accepted = await asBob.caller.team.invites.accept({
      token: created.token,
      mode: 'create',
      name: 'Carol',
      password: NEW_PASSWORD,
    });
    expect(accepted.user.id).not.toBe(bob.userId);
    expect(await validateSessionToken(database.db, bob.token)).toBeNull();
    const { members } = await owner.caller.team.members.list();
    expect(members.map((m) => m.userId)).toContain(accepted.user.id);
    expect(members.map((m) => m.userId)).not.toContain(bob.userId);
    expect(tenant.workspaceId).toBe(accepted.workspaceId);
  });

  it('is single use, also when two accepts race', async () => {
    const { owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('once'), role: 'member' });
    const results = await Promise.allSettled([
      anonymousCaller(database.db).caller.team.invites.accept({
        token: created.token,
        mode: 'create',
        name: 'One',
        password: NEW_PASSWORD,
      }),
      anonymousCaller(database.db).caller.team.invites.accept({
        token: created.token,
        mode: 'create',
        name: 'Two',
        password: NEW_PASSWORD,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const users = await database.db.selectFrom('users').select('id').where('email', '=', created.invite.email).execute();
    expect(users).toHaveLength(1);
    await expect(anonymousCaller(database.db).caller.team.invites.get({ token: created.token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invite has already been used',
    });
    await expect(
      anonymousCaller(database.db).caller.team.invites.accept({ token: created.token, mode: 'signIn', password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('expires after 7 days', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const sentAt = new Date(Date.now() - INVITE_TTL_MS - 60_000);
    const stale = await createInvite(database.db, owner.actor, { email: uniqueEmail('late'), role: 'member' }, sentAt);
    const fresh = await createInvite(
      database.db,
      owner.actor,
      { email: uniqueEmail('ontime'), role: 'member' },
      new Date(Date.now() - INVITE_TTL_MS + 60_000),
    );
    const anon = anonymousCaller(database.db).caller;
    await expect(anon.team.invites.get({ token: stale.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('expired'),
    });
    await expect(
      anon.team.invites.accept({ token: stale.token, mode: 'create', name: 'Late', password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await database.db.selectFrom('users').select('id').where('email', '=', stale.invite.email).execute()).toEqual([]);
    await expect(
      anon.team.invites.accept({ token: fresh.token, mode: 'create', name: 'On time', password: NEW_PASSWORD }),
    ).resolves.toMatchObject({
      workspaceId: tenant.workspaceId,
    });
  });

  it('validates the new account’s name and password with the shared schemas', async () => {
    const { owner } = await tenantWithOwner();
    const created = await owner.caller.team.invites.create({ email: uniqueEmail('weak'), role: 'member' });
    const anon = anonymousCaller(database.db).caller;
    await expect(anon.team.invites.accept({ token: created.token, mode: 'create', name: 'Weak', password: 'short' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    );
    await expect(
      anon.team.invites.accept({ token: created.token, mode: 'create', name: '  ', password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('someone added meanwhile (e.g. by the CLI) cannot accept twice: the invite stays open', async () => {
    const { tenant, owner } = await tenantWithOwner();
    const email = uniqueEmail('cli');
    const created = await owner.caller.team.invites.create({ email, role: 'admin' });
    await createUserInWorkspace(database.db, { email, password: PASSWORD, workspaceSlug: tenant.slug, role: 'viewer' });
    await expect(
      anonymousCaller(database.db).caller.team.invites.accept({ token: created.token, mode: 'signIn', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await owner.caller.team.invites.list()).invites.map((i) => i.id)).toEqual([created.invite.id]);
  });
});

it('the CLI path (createUserInWorkspace) still creates users who can sign in', async () => {
  const ws = await createWorkspace(database.db, { slug: `cli-${Math.random().toString(36).slice(2, 8)}`, name: 'CLI' });
  const email = uniqueEmail('cli-user');
  const made = await createUserInWorkspace(database.db, { email, password: PASSWORD, workspaceSlug: ws.slug, role: 'admin' });
  expect(made).toMatchObject({ created: true, role: 'admin' });
  const session = await login(database.db, { email, password: PASSWORD });
  const { caller } = await sessionCaller(database.db, session.token);
  expect((await caller.auth.me()).workspaces.map((w) => w.role)).toEqual(['admin']);
});
