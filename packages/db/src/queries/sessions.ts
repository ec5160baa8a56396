/** Server-side sessions: the id is the SHA-256 of the token, never the token itself. */
import type { Kysely } from 'kysely';
import type { DB } from '../types';

export function insertSession(db: Kysely<DB>, s: { id: string; userId: string; expiresAt: Date }) {
  return db.insertInto('sessions').values(s).execute();
}

export function findSessionWithUser(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id', 'sessions.userId', 'sessions.expiresAt', 'users.email', 'users.name'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export function extendSession(db: Kysely<DB>, id: string, expiresAt: Date) {
  return db.updateTable('sessions').set({ expiresAt }).where('id', '=', id).execute();
}

export function deleteSession(db: Kysely<DB>, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, or every one but `exceptId` (the session that asked). */
export function deleteUserSessions(db: Kysely<DB>, userId: string, exceptId?: string) {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.execute();
}
