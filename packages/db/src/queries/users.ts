/** Staff users and their workspace memberships. */
import { type Kysely, sql } from 'kysely';
import type { DB, MembershipsTable } from '../types';

export function insertUser(db: Kysely<DB>, user: { id: string; email: string; name: string | null; passwordHash: string }) {
  return db.insertInto('users').values(user).execute();
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function upsertMembership(db: Kysely<DB>, m: { workspaceId: string; userId: string; role: MembershipsTable['role'] }) {
  return db
    .insertInto('memberships')
    .values(m)
    .onConflict((oc) => oc.columns(['workspaceId', 'userId']).doUpdateSet({ role: m.role }))
    .execute();
}

/** Every workspace a user belongs to, with both environments. */
export function listUserWorkspaces(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspaceId')
    .innerJoin('environments', 'environments.workspaceId', 'workspaces.id')
    .select([
      'workspaces.id as workspaceId',
      'workspaces.slug',
      'workspaces.name',
      'workspaces.currency',
      'memberships.role',
      'environments.id as environmentId',
      'environments.mode',
    ])
    .where('memberships.userId', '=', userId)
    .orderBy('workspaces.name')
    .orderBy('environments.mode')
    .execute();
}

/** The ids of the workspaces a user belongs to. */
export function listUserWorkspaceIds(db: Kysely<DB>, userId: string) {
  return db.selectFrom('memberships').select('workspaceId').where('userId', '=', userId).orderBy('workspaceId').execute();
}

/** The role of a user in the workspace owning an environment, or undefined. */
export function findRoleForEnvironment(db: Kysely<DB>, userId: string, envId: string) {
  return db
    .selectFrom('environments')
    .innerJoin('memberships', 'memberships.workspaceId', 'environments.workspaceId')
    .select(['environments.id as envId', 'environments.workspaceId', 'memberships.role'])
    .where('environments.id', '=', envId)
    .where('memberships.userId', '=', userId)
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'passwordHash']).where('id', '=', id).executeTakeFirst();
}

export function updateUserName(db: Kysely<DB>, id: string, name: string) {
  return db.updateTable('users').set({ name }).where('id', '=', id).execute();
}

export function updateUserPassword(db: Kysely<DB>, id: string, passwordHash: string) {
  return db.updateTable('users').set({ passwordHash }).where('id', '=', id).execute();
}

export function recordSignIn(db: Kysely<DB>, id: string, at: Date) {
  return db.updateTable('users').set({ lastSignInAt: at }).where('id', '=', id).execute();
}
