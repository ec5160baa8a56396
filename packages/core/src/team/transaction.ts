/** The frame of every team change: one transaction, the workspace locked, the caller's role read inside it. */
import { AppError } from '@tenure/contract';
import { type DB, type Kysely, type Transaction, teamQueries } from '@tenure/db';

/** The staff user making a team change, in the workspace of the environment they chose. */
export interface TeamActor {
  workspaceId: string;
  userId: string;
}

export type TeamMemberRow = NonNullable<Awaited<ReturnType<typeof teamQueries.findMember>>>;

/**
 * Runs `fn` in a transaction holding the workspace lock, with the caller's membership as of now
 * (a role changed since the request started counts, not the one resolved at its start).
 */
export function inTeamTransaction<T>(
  db: Kysely<DB>,
  actor: TeamActor,
  fn: (trx: Transaction<DB>, me: TeamMemberRow) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await teamQueries.lockWorkspace(trx, actor.workspaceId);
    const me = await teamQueries.findMember(trx, actor.workspaceId, actor.userId);
    if (!me) throw new AppError('NOT_FOUND', 'Workspace not found');
    return fn(trx, me);
  });
}
