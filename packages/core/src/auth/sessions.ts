/**
 * Server-side sessions as Lucia's guide describes: a random token in the cookie, its SHA-256 as
 * the session id in the database, 30-day sliding expiry renewed when less than 15 days remain.
 */
import { AppError } from '@tenure/contract';
import { type DB, type Kysely, sessionQueries, userQueries } from '@tenure/db';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { hashToken, randomToken } from './tokens';

const DAY = 86_400_000;
export const SESSION_TTL_MS = 30 * DAY;
const RENEW_BELOW_MS = 15 * DAY;

export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  name: string | null;
  expiresAt: Date;
  /** The expiry was just extended (the cookie must be sent again). */
  renewed: boolean;
}

export async function createSession(db: Kysely<DB>, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(20);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await sessionQueries.insertSession(db, { id: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

/** The session's user, or null for an unknown or expired token; extends a session past half-life. */
export async function validateSessionToken(db: Kysely<DB>, token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  const row = await sessionQueries.findSessionWithUser(db, id);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await sessionQueries.deleteSession(db, id);
    return null;
  }
  let expiresAt = row.expiresAt;
  const renewed = expiresAt.getTime() - now < RENEW_BELOW_MS;
  if (renewed) {
    expiresAt = new Date(now + SESSION_TTL_MS);
    await sessionQueries.extendSession(db, id, expiresAt);
  }
  return { sessionId: id, userId: row.userId, email: row.email, name: row.name, expiresAt, renewed };
}

export function invalidateSession(db: Kysely<DB>, sessionId: string) {
  return sessionQueries.deleteSession(db, sessionId);
}

/**
 * Checks email and password and starts a new session (a fresh token at every login, so a
 * session fixed before login is never reused). The old session, if any, is deleted.
 */
export async function login(
  db: Kysely<DB>,
  params: { email: string; password: string; previousSessionId?: string | null },
): Promise<{ token: string; expiresAt: Date; userId: string; user: { id: string; email: string; name: string | null } }> {
  const user = await userQueries.findUserByEmail(db, params.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), params.password);
  if (!user || !ok) {
    throw new AppError('UNAUTHORIZED', 'Email or password is incorrect', { reason: 'INVALID_CREDENTIALS' });
  }
  const session = await startSession(db, user.id, params.previousSessionId);
  return { ...session, userId: user.id, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * A sign-in (login, accepting an invite): deletes the session presented before, creates a fresh
 * one and records the time as the user's last sign-in.
 */
export async function startSession(
  db: Kysely<DB>,
  userId: string,
  previousSessionId?: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  if (previousSessionId) await sessionQueries.deleteSession(db, previousSessionId);
  const session = await createSession(db, userId);
  await userQueries.recordSignIn(db, userId, new Date());
  return session;
}
