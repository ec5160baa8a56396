/**
 * The public side of an invite link: what it offers, and accepting it as a new account (name and
 * password) or as the existing account of the invited email (its password). Accepting is single
 * use and signs the person in.
 */
import { AppError, newId, type TInviteAccept, type TInvitePreview } from '@tenure/contract';
import { type DB, type Kysely, type Transaction, teamQueries, userQueries } from '@tenure/db';
import { auditWorkspace } from '../audit';
import { clearLoginFailures, throttleLogin } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { startSession } from '../auth/sessions';
import { hashToken } from '../auth/tokens';

type InviteRow = NonNullable<Awaited<ReturnType<typeof teamQueries.findInviteByTokenHash>>>;

const USED = 'This invite has already been used';

async function usableInvite(db: Kysely<DB>, token: string, now: Date): Promise<InviteRow> {
  const invite = await teamQueries.findInviteByTokenHash(db, hashToken(token));
  if (!invite || invite.revokedAt) throw new AppError('NOT_FOUND', 'This invite link is not valid: it may have been revoked');
  if (invite.acceptedAt) throw new AppError('CONFLICT', USED);
  if (invite.expiresAt.getTime() <= now.getTime()) throw new AppError('NOT_FOUND', 'This invite has expired: ask for a new one');
  return invite;
}

export async function previewInvite(db: Kysely<DB>, token: string, now: Date = new Date()): Promise<TInvitePreview> {
  const invite = await usableInvite(db, token, now);
  const account = await userQueries.findUserByEmail(db, invite.email);
  return {
    workspaceName: invite.workspaceName,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
    accountExists: account !== undefined,
  };
}

/** Uses the invite (once) and adds the membership, audited as the person who joined. */
async function join(trx: Transaction<DB>, invite: InviteRow, userId: string, now: Date, newAccount: boolean): Promise<void> {
  const consumed = await teamQueries.consumeInvite(trx, invite.workspaceId, invite.id, userId, now);
  if (!consumed) throw new AppError('CONFLICT', USED);
  if (await teamQueries.findMember(trx, invite.workspaceId, userId)) {
    throw new AppError('CONFLICT', `You are already a member of ${invite.workspaceName}`);
  }
  await teamQueries.insertMembership(trx, { workspaceId: invite.workspaceId, userId, role: consumed.role });
  await auditWorkspace(
    trx,
    { workspaceId: invite.workspaceId, userId },
    {
      action: 'invite.accepted',
      targetType: 'invite',
      targetId: invite.id,
      details: { email: invite.email, role: consumed.role, newAccount },
    },
  );
}

export interface AcceptedInvite {
  token: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string | null };
  workspaceId: string;
}

export async function acceptInvite(
  db: Kysely<DB>,
  input: TInviteAccept,
  request: { ip: string; previousSessionId?: string | null },
  now: Date = new Date(),
): Promise<AcceptedInvite> {
  const invite = await usableInvite(db, input.token, now);
  const existing = await userQueries.findUserByEmail(db, invite.email);
  let user: AcceptedInvite['user'];
  if (input.mode === 'create') {
    if (existing) throw new AppError('CONFLICT', 'An account with this email exists: sign in with its password to accept');
    user = { id: newId('user'), email: invite.email, name: input.name };
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (trx) => {
      await userQueries.insertUser(trx, { ...user, passwordHash });
      await join(trx, invite, user.id, now, true);
    });
  } else {
    if (!existing) throw new AppError('BAD_REQUEST', 'No account uses this email yet: choose a name and a password to create one');
    await throttleLogin(existing.email, request.ip);
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw new AppError('UNAUTHORIZED', 'The password is incorrect', { reason: 'INVALID_CREDENTIALS' });
    }
    await clearLoginFailures(existing.email, request.ip);
    user = { id: existing.id, email: existing.email, name: existing.name };
    await db.transaction().execute((trx) => join(trx, invite, existing.id, now, false));
  }
  const session = await startSession(db, user.id, request.previousSessionId);
  return { ...session, user, workspaceId: invite.workspaceId };
}
