/** Members of a workspace: list, change a role, remove one, leave. Every change is audited in its transaction. */
import { AppError, type Role, type TMember } from '@tenure/contract';
import { type DB, type Kysely, type Transaction, teamQueries } from '@tenure/db';
import { auditWorkspace } from '../audit';
import { assertMayManage, assertOwnerRemains } from './rules';
import { inTeamTransaction, type TeamActor, type TeamMemberRow } from './transaction';
import { toMember } from './views';

export async function listMembers(db: Kysely<DB>, workspaceId: string): Promise<TMember[]> {
  return (await teamQueries.listMembers(db, workspaceId)).map(toMember);
}

async function requireMember(trx: Transaction<DB>, workspaceId: string, userId: string): Promise<TeamMemberRow> {
  const member = await teamQueries.findMember(trx, workspaceId, userId);
  if (!member) throw new AppError('NOT_FOUND', 'Member not found');
  return member;
}

export async function changeMemberRole(db: Kysely<DB>, actor: TeamActor, params: { userId: string; role: Role }): Promise<TMember> {
  return inTeamTransaction(db, actor, async (trx, me) => {
    const target = await requireMember(trx, actor.workspaceId, params.userId);
    assertMayManage(me.role, target.role, params.role);
    if (target.role === params.role) return toMember(target);
    if (target.role === 'owner') assertOwnerRemains(await teamQueries.countOtherOwners(trx, actor.workspaceId, target.userId));
    await teamQueries.updateMemberRole(trx, actor.workspaceId, target.userId, params.role);
    await auditWorkspace(trx, actor, {
      action: 'member.role_changed',
      targetType: 'user',
      targetId: target.userId,
      details: { email: target.email, from: target.role, to: params.role },
    });
    return toMember({ ...target, role: params.role });
  });
}

/** Removes a member; removing yourself is leaving (see leaveWorkspace). */
export async function removeMember(db: Kysely<DB>, actor: TeamActor, params: { userId: string }): Promise<void> {
  if (params.userId === actor.userId) return leaveWorkspace(db, actor);
  await inTeamTransaction(db, actor, async (trx, me) => {
    const target = await requireMember(trx, actor.workspaceId, params.userId);
    assertMayManage(me.role, target.role, null);
    if (target.role === 'owner') assertOwnerRemains(await teamQueries.countOtherOwners(trx, actor.workspaceId, target.userId));
    await teamQueries.deleteMember(trx, actor.workspaceId, target.userId);
    await auditWorkspace(trx, actor, {
      action: 'member.removed',
      targetType: 'user',
      targetId: target.userId,
      details: { email: target.email, role: target.role },
    });
  });
}

/** Any member may leave, except the last owner. */
export async function leaveWorkspace(db: Kysely<DB>, actor: TeamActor): Promise<void> {
  await inTeamTransaction(db, actor, async (trx, me) => {
    if (me.role === 'owner') assertOwnerRemains(await teamQueries.countOtherOwners(trx, actor.workspaceId, me.userId));
    await teamQueries.deleteMember(trx, actor.workspaceId, me.userId);
    await auditWorkspace(trx, actor, {
      action: 'member.left',
      targetType: 'user',
      targetId: me.userId,
      details: { email: me.email, role: me.role },
    });
  });
}
