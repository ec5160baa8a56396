/** Profile: change name, change password (other sessions end, this one stays), sign out everywhere. */
import { createUserInWorkspace, login, validateSessionToken } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { callerFor } from '../helpers/caller';
import { createTenant, keyActor, PASSWORD } from '../helpers/fixtures';
import { anonymousCaller, auditOf, sessionCaller, signIn, staffWithRole } from './team-fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

const NEW_PASSWORD = 'another good password';

describe('profile.update', () => {
  it('changes the name shown by auth.me and the members list', async () => {
    const tenant = await createTenant(database.db);
    const viewer = await staffWithRole(database.db, tenant, 'viewer');
    await expect(viewer.caller.profile.update({ name: '  Ada Lovelace ' })).resolves.toEqual({
      user: { id: viewer.userId, email: viewer.email, name: 'Ada Lovelace' },
    });
    const nextRequest = await sessionCaller(database.db, viewer.token, tenant.live.envId);
    expect((await nextRequest.caller.auth.me()).user.name).toBe('Ada Lovelace');
    const { members } = await viewer.caller.team.members.list();
    expect(members.find((m) => m.userId === viewer.userId)?.name).toBe('Ada Lovelace');
  });

  it('refuses an empty or unstorable name', async () => {
    const tenant = await createTenant(database.db);
    const member = await staffWithRole(database.db, tenant, 'member');
    await expect(member.caller.profile.update({ name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(member.caller.profile.update({ name: 'a\u0000b' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('profile.changePassword', () => {
  it('needs the current password; ends every other session and keeps this one', async () => {
    const tenant = await createTenant(database.db);
    const here = await staffWithRole(database.db, tenant, 'member');
    const laptop = await signIn(database.db, tenant, here.email);
    const phone = await signIn(database.db, tenant, here.email);

    await expect(
      here.caller.profile.changePassword({ currentPassword: 'wrong password', newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [{ path: 'currentPassword' }] },
    });
    expect(await validateSessionToken(database.db, laptop.token)).not.toBeNull();

    await expect(here.caller.profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).resolves.toEqual({
      endedSessions: 2,
    });
    expect(await validateSessionToken(database.db, laptop.token)).toBeNull();
    expect(await validateSessionToken(database.db, phone.token)).toBeNull();
    expect(await validateSessionToken(database.db, here.token)).not.toBeNull();
    await expect(here.caller.auth.me()).resolves.toMatchObject({ user: { id: here.userId } });

    await expect(login(database.db, { email: here.email, password: PASSWORD })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(login(database.db, { email: here.email, password: NEW_PASSWORD })).resolves.toMatchObject({ userId: here.userId });
  });

  it('the new password follows the shared rules', async () => {
    const tenant = await createTenant(database.db);
    const member = await staffWithRole(database.db, tenant, 'member');
    await expect(member.caller.profile.changePassword({ currentPassword: PASSWORD, newPassword: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('profile.signOutEverywhere', () => {
  it('ends every session of the user, this one included, and clears the cookie', async () => {
    const tenant = await createTenant(database.db);
    const here = await staffWithRole(database.db, tenant, 'viewer');
    const other = await signIn(database.db, tenant, here.email);
    const colleague = await staffWithRole(database.db, tenant, 'viewer');
    await expect(here.caller.profile.signOutEverywhere()).resolves.toEqual({ endedSessions: 2 });
    expect(here.jar.cleared).toBe(1);
    expect(await validateSessionToken(database.db, here.token)).toBeNull();
    expect(await validateSessionToken(database.db, other.token)).toBeNull();
    expect(await validateSessionToken(database.db, colleague.token)).not.toBeNull();
  });
});

it('profile procedures need a signed-in person: none for anonymous callers or API keys', async () => {
  const tenant = await createTenant(database.db);
  const anon = anonymousCaller(database.db).caller;
  const key = callerFor(database.db, keyActor(tenant));
  for (const caller of [anon, key]) {
    await expect(caller.profile.update({ name: 'X' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(caller.profile.signOutEverywhere()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  }
});

describe('audit', () => {
  /** The workspace's profile entries, oldest first. */
  async function profileAudit(workspaceId: string) {
    return (await auditOf(database.db, workspaceId)).filter((e) => e.action.startsWith('profile.'));
  }

  it('a name change is audited with the old and new name; an unchanged name writes nothing', async () => {
    const tenant = await createTenant(database.db);
    const member = await staffWithRole(database.db, tenant, 'member');
    await member.caller.profile.update({ name: 'Ada Lovelace' });
    await member.caller.profile.update({ name: 'Ada Lovelace' });
    await member.caller.profile.update({ name: 'Ada King' });
    const entry = { action: 'profile.name_changed', userId: member.userId, targetId: member.userId, environmentId: null };
    expect(await profileAudit(tenant.workspaceId)).toEqual([
      { ...entry, details: { from: null, to: 'Ada Lovelace' } },
      { ...entry, details: { from: 'Ada Lovelace', to: 'Ada King' } },
    ]);
  });

  it('a password change is audited with the sessions it ended, never the password; a refused one writes nothing', async () => {
    const tenant = await createTenant(database.db);
    const here = await staffWithRole(database.db, tenant, 'viewer');
    await signIn(database.db, tenant, here.email);
    await expect(here.caller.profile.changePassword({ currentPassword: 'not my password', newPassword: NEW_PASSWORD })).rejects.toThrow();
    expect(await profileAudit(tenant.workspaceId)).toEqual([]);
    await here.caller.profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    const entries = await profileAudit(tenant.workspaceId);
    expect(entries).toEqual([
      {
        action: 'profile.password_changed',
        userId: here.userId,
        targetId: here.userId,
        environmentId: null,
        details: { endedSessions: 1 },
      },
    ]);
    const everything = JSON.stringify(await auditOf(database.db, tenant.workspaceId));
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(NEW_PASSWORD);
  });

  it('sign out everywhere is audited with the sessions it ended', async () => {
    const tenant = await createTenant(database.db);
    const here = await staffWithRole(database.db, tenant, 'admin');
    await signIn(database.db, tenant, here.email);
    await here.caller.profile.signOutEverywhere();
    expect(await profileAudit(tenant.workspaceId)).toEqual([
      {
        action: 'profile.signed_out_everywhere',
        userId: here.userId,
        targetId: here.userId,
        environmentId: null,
        details: { endedSessions: 2 },
      },
    ]);
  });

  it('lands in every workspace of the user and in no other', async () => {
    const first = await createTenant(database.db);
    const second = await createTenant(database.db);
    const stranger = await createTenant(database.db);
    const member = await staffWithRole(database.db, first, 'member');
    await createUserInWorkspace(database.db, { email: member.email, password: PASSWORD, workspaceSlug: second.slug, role: 'viewer' });
    await member.caller.profile.update({ name: 'Grace Hopper' });
    await member.caller.profile.signOutEverywhere();
    const actions = ['profile.name_changed', 'profile.signed_out_everywhere'];
    expect((await profileAudit(first.workspaceId)).map((e) => e.action)).toEqual(actions);
    expect((await profileAudit(second.workspaceId)).map((e) => e.action)).toEqual(actions);
    expect(await profileAudit(stranger.workspaceId)).toEqual([]);
  });
});
