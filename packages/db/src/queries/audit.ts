/** The audit log of staff actions; written in the same transaction as the action. */
import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../types';

export function insertAudit(db: Kysely<DB>, entry: Insertable<AuditLogTable>) {
  return db.insertInto('auditLog').values(entry).execute();
}

export function listAudit(db: Kysely<DB>, workspaceId: string, limit: number) {
  return db
    .selectFrom('auditLog')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
