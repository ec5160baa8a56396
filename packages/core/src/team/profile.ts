/**
 * The signed-in user's own account: name, password (ending their other sessions), sign out
 * everywhere. Each change is audited in its transaction, in every workspace of the user.
 */
import { AppError, type TPasswordChange } from '@tenure/contract';
import { type DB, type Kysely, sessionQueries, userQueries } from '@tenure/db';
import { auditAccount } from '../audit';
import { clearLoginFailures, throttleLogin } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/passwords';

/** Renames the user; an unchanged name writes nothing (no audit entry either). */
export async function updateProfileName(db: Kysely<DB>, userId: string, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await userQueries.findUserById(trx, userId);
    if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
    if (user.name === name) return;
    await userQueries.updateUserName(trx, userId, name);
    await auditAccount(trx, userId, { action: 'profile.name_changed', details: { from: user.name, to: name } });
  });
}

/**
 * Needs the current password (throttled like sign-ins, so a left-open session cannot guess it);
 * every other session of the user ends, the one that asked stays. A wrong current password is a
 * 400 naming the field (a 401 would read as "signed out").
 */
export async function changePassword(
  db: Kysely<DB>,
  session: { userId: string; sessionId: string },
  input: TPasswordChange,
  request: { ip: string },
): Promise<{ endedSessions: number }> {
  const user = await userQueries.findUserById(db, session.userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  await throttleLogin(user.email, request.ip);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const message = 'The current password is incorrect';
    throw new AppError('BAD_REQUEST', message, { reason: 'INVALID_CREDENTIALS', issues: [{ path: 'currentPassword', message }] });
  }
  await clearLoginFailures(user.email, request.ip);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await userQueries.updateUserPassword(trx, user.id, passwordHash);
    const endedSessions = countDeleted(await sessionQueries.deleteUserSessions(trx, user.id, session.sessionId));
    // That the password changed, never what it is.
    await auditAccount(trx, user.id, { action: 'profile.password_changed', details: { endedSessions } });
    return { endedSessions };
  });
}

/** Ends every session of the user, the current one included. */
export async function signOutEverywhere(db: Kysely<DB>, userId: string): Promise<{ endedSessions: number }> {
  return db.transaction().execute(async (trx) => {
    const endedSessions = countDeleted(await sessionQueries.deleteUserSessions(trx, userId));
    await auditAccount(trx, userId, { action: 'profile.signed_out_everywhere', details: { endedSessions } });
    return { endedSessions };
  });
}

function countDeleted(results: { numDeletedRows: bigint }[]): number {
  return results.reduce((n, r) => n + Number(r.numDeletedRows), 0);
}
