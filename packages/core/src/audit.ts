/** Audit entries for staff actions, written inside the caller's transaction. */
import { auditQueries, type Kysely, type DB, userQueries } from '@tenure/db';
import { newId } from '@tenure/contract';
import type { Actor } from './actor';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  envId?: string | null;
  details?: Record<string, unknown>;
}

/** Records staff (session) and system actions; API-key traffic is not audited entry by entry. */
export async function audit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  if (actor.kind === 'apiKey') return;
  await auditQueries.insertAudit(db, {
    id: newId('audit'),
    workspaceId: actor.workspaceId,
    environmentId: entry.envId ?? actor.envId,
    userId: actor.kind === 'session' ? actor.userId : null,
    apiKeyId: null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: JSON.stringify(entry.details ?? {}),
  });
}

/** Who did a workspace-level staff action (team changes, joining by invite): no environment. */
export interface WorkspaceAuditor {
  workspaceId: string;
  userId: string | null;
}

/** Records a workspace-level action, inside the caller's transaction. */
export async function auditWorkspace(db: Kysely<DB>, by: WorkspaceAuditor, entry: Omit<AuditEntry, 'envId'>): Promise<void> {
  await auditQueries.insertAudit(db, {
    id: newId('audit'),
    workspaceId: by.workspaceId,
    environmentId: null,
    userId: by.userId,
    apiKeyId: null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: JSON.stringify(entry.details ?? {}),
  });
}

/**
 * Records a change to a staff user's own account (name, password, sessions) in every workspace
 * they belong to, inside the caller's transaction: each workspace's managers see it beside the
 * team changes. Never put a secret in `details`.
 */
export async function auditAccount(db: Kysely<DB>, userId: string, entry: { action: string; details?: Record<string, unknown> }) {
  for (const { workspaceId } of await userQueries.listUserWorkspaceIds(db, userId)) {
    await auditWorkspace(db, { workspaceId, userId }, { ...entry, targetType: 'user', targetId: userId });
  }
}
