/**
 * Members and invites of a workspace. Every query takes the workspace id first, except the
 * lookup of an invite by its token hash (the token is what identifies it, as with sessions).
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql } from 'kysely';
import type { DB, InvitesTable, MembershipsTable } from '../types';

type Role = MembershipsTable['role'];

const MEMBER_COLUMNS = [
  'memberships.userId',
  'users.email',
  'users.name',
  'memberships.role',
  'memberships.createdAt as joinedAt',
  'users.lastSignInAt',
] as const;

function members(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(MEMBER_COLUMNS)
    .where('memberships.workspaceId', '=', workspaceId);
}

/** @example listMembers(db, 'ws_…') — oldest member first. */
export function listMembers(db: Kysely<DB>, workspaceId: string) {
  return members(db, workspaceId).orderBy('memberships.createdAt').orderBy('memberships.userId').execute();
}

export function findMember(db: Kysely<DB>, workspaceId: string, userId: string) {
  return members(db, workspaceId).where('memberships.userId', '=', userId).executeTakeFirst();
}

export function findMemberByEmail(db: Kysely<DB>, workspaceId: string, email: string) {
  return members(db, workspaceId).where(sql`lower(users.email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/**
 * Locks the workspace row for the rest of the transaction, so team changes of one workspace run
 * one after another (two owners demoting each other at once cannot leave it without an owner).
 */
export function lockWorkspace(db: Kysely<DB>, workspaceId: string) {
  return db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().executeTakeFirst();
}

/** Owners other than `userId`. */
export async function countOtherOwners(db: Kysely<DB>, workspaceId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('userId', '<>', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertMembership(db: Kysely<DB>, m: { workspaceId: string; userId: string; role: Role }) {
  return db.insertInto('memberships').values(m).execute();
}

export function updateMemberRole(db: Kysely<DB>, workspaceId: string, userId: string, role: Role) {
  return db.updateTable('memberships').set({ role }).where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
}

export function deleteMember(db: Kysely<DB>, workspaceId: string, userId: string) {
  return db.deleteFrom('memberships').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
}

/** Single source of "open": neither accepted nor revoked (it may still have expired). */
function isOpen(eb: ExpressionBuilder<DB, 'invites'>) {
  return eb.and([eb('invites.acceptedAt', 'is', null), eb('invites.revokedAt', 'is', null)]);
}

const INVITE_COLUMNS = [
  'invites.id',
  'invites.workspaceId',
  'invites.email',
  'invites.role',
  'invites.createdAt',
  'invites.expiresAt',
  'invites.acceptedAt',
  'invites.revokedAt',
  'invites.invitedBy',
] as const;

export function insertInvite(db: Kysely<DB>, invite: Insertable<InvitesTable>) {
  return db.insertInto('invites').values(invite).execute();
}

/** Open invites with who sent them, newest first. */
export function listOpenInvites(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('invites')
    .leftJoin('users', 'users.id', 'invites.invitedBy')
    .select([...INVITE_COLUMNS, 'users.email as inviterEmail', 'users.name as inviterName'])
    .where('invites.workspaceId', '=', workspaceId)
    .where(isOpen)
    .orderBy('invites.createdAt', 'desc')
    .orderBy('invites.id', 'desc')
    .execute();
}

export function findInvite(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('invites')
    .leftJoin('users', 'users.id', 'invites.invitedBy')
    .select([...INVITE_COLUMNS, 'users.email as inviterEmail', 'users.name as inviterName'])
    .where('invites.workspaceId', '=', workspaceId)
    .where('invites.id', '=', id)
    .executeTakeFirst();
}

/** The invite a link points to, with its workspace's name. */
export function findInviteByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('invites')
    .innerJoin('workspaces', 'workspaces.id', 'invites.workspaceId')
    .select([...INVITE_COLUMNS, 'workspaces.name as workspaceName'])
    .where('invites.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export function revokeInvite(db: Kysely<DB>, workspaceId: string, id: string, at: Date) {
  return db
    .updateTable('invites')
    .set({ revokedAt: at })
    .where('invites.workspaceId', '=', workspaceId)
    .where('invites.id', '=', id)
    .where(isOpen)
    .execute();
}

/** Revokes the open invites of an email (a new invite replaces them); returns their ids. */
export async function revokeOpenInvitesFor(db: Kysely<DB>, workspaceId: string, email: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('invites')
    .set({ revokedAt: at })
    .where('invites.workspaceId', '=', workspaceId)
    .where(sql`lower(invites.email)`, '=', email.toLowerCase())
    .where(isOpen)
    .returning('invites.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks an open, unexpired invite accepted. The WHERE makes it single use: of two concurrent
 * accepts only one gets the row back.
 */
export function consumeInvite(db: Kysely<DB>, workspaceId: string, id: string, acceptedBy: string, at: Date) {
  return db
    .updateTable('invites')
    .set({ acceptedAt: at, acceptedBy })
    .where('invites.workspaceId', '=', workspaceId)
    .where('invites.id', '=', id)
    .where(isOpen)
    .where('invites.expiresAt', '>', at)
    .returning(['invites.id', 'invites.role'])
    .executeTakeFirst();
}
