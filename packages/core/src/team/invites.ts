/**
 * Invites: a one-time link valid 7 days. Only the SHA-256 of its token is stored (like sessions
 * and API keys), so the link is shown once, to the inviter; inviting the same email again
 * replaces the open invite.
 */
import { AppError, INVITE_TTL_MS, newId, type Role, type TInvite } from '@tenure/contract';
import { type DB, type Kysely, teamQueries } from '@tenure/db';
import { auditWorkspace } from '../audit';
import { hashToken, randomToken } from '../auth/tokens';
import { assertMayManage } from './rules';
import { inTeamTransaction, type TeamActor } from './transaction';
import { toInvite } from './views';

/** 20 random bytes, as session tokens. */
const INVITE_TOKEN_BYTES = 20;

export function invitePath(token: string): string {
  return `/invite/${token}`;
}

export async function listInvites(db: Kysely<DB>, workspaceId: string): Promise<TInvite[]> {
  return (await teamQueries.listOpenInvites(db, workspaceId)).map(toInvite);
}

export async function createInvite(
  db: Kysely<DB>,
  actor: TeamActor,
  params: { email: string; role: Role },
  now: Date = new Date(),
): Promise<{ invite: TInvite; token: string }> {
  const email = params.email.trim().toLowerCase();
  const token = randomToken(INVITE_TOKEN_BYTES);
  const id = newId('invite');
  await inTeamTransaction(db, actor, async (trx, me) => {
    assertMayManage(me.role, null, params.role);
    if (await teamQueries.findMemberByEmail(trx, actor.workspaceId, email)) {
      throw new AppError('CONFLICT', `${email} is already a member of this workspace`);
    }
    const replaced = await teamQueries.revokeOpenInvitesFor(trx, actor.workspaceId, email, now);
    await teamQueries.insertInvite(trx, {
      id,
      workspaceId: actor.workspaceId,
      email,
      role: params.role,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    });
    await auditWorkspace(trx, actor, {
      action: 'invite.created',
      targetType: 'invite',
      targetId: id,
      details: { email, role: params.role, replaced },
    });
  });
  const row = await teamQueries.findInvite(db, actor.workspaceId, id);
  if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'The invite vanished after it was created');
  return { invite: toInvite(row), token };
}

export async function revokeInvite(db: Kysely<DB>, actor: TeamActor, id: string, now: Date = new Date()): Promise<void> {
  await inTeamTransaction(db, actor, async (trx, me) => {
    const invite = await teamQueries.findInvite(trx, actor.workspaceId, id);
    if (!invite || invite.acceptedAt || invite.revokedAt) throw new AppError('NOT_FOUND', 'No open invite with this id');
    assertMayManage(me.role, invite.role, null);
    await teamQueries.revokeInvite(trx, actor.workspaceId, id, now);
    await auditWorkspace(trx, actor, {
      action: 'invite.revoked',
      targetType: 'invite',
      targetId: id,
      details: { email: invite.email, role: invite.role },
    });
  });
}
