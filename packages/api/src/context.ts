/** Request context: the database, the resolved actor (or why there is none), and session cookie I/O. */
import { AppError } from '@tenure/contract';
import {
  type Actor,
  type AnalyticsEngine,
  type RecomputeQueue,
  authenticateApiKey,
  createAnalyticsEngine,
  type SessionUser,
  sessionActor,
  validateSessionToken,
} from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import { toAppError } from './errors';

export const SESSION_COOKIE = 'tenure_session';
export const ENV_HEADER = 'x-tenure-environment';

export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Kysely<DB>;
  /** Analytics questions (scores, stats) go to this engine, not to SQL in the procedure (STYLE.md). */
  analytics: AnalyticsEngine;
  /** The durable job queue of a server process; null (CLI, tests) runs such work inline. */
  jobs: RecomputeQueue | null;
  actor: Actor | null;
  /** The signed-in staff user, when the request came with a valid session cookie. */
  user: SessionUser | null;
  /** Why there is no actor, raised by the auth middleware (401, 403 or 404). */
  authError: AppError | null;
  cookies: SessionCookies;
  /** The session token presented, so login can rotate it. */
  sessionToken: string | null;
  ip: string;
  requestId: string;
  /** REST requests carry URL-encoded path parameters that the procedure chain decodes. */
  surface: 'rest' | 'trpc' | 'internal';
  /** Where people reach the SPA (TENURE_PUBLIC_URL, else this request's origin): links we hand out start here. */
  appUrl: string | null;
  /** The request said `Cache-Control: no-cache`: analytics answers are recomputed, not served from a snapshot. */
  noCache: boolean;
  /**
   * Headers a procedure adds to its REST answer (`x-cache`, `x-as-of`); the REST adapter sends
   * them. tRPC answers carry the same facts in their body (a batch has one set of headers).
   */
  responseHeaders: Record<string, string>;
  /** This server's per-key default rates (requests per second), shown beside the limits staff set; null outside a server. */
  keyRateDefaults: { rateLimit: number; ingestRateLimit: number } | null;
}

const noCookies: SessionCookies = { set() {}, clear() {} };

/** Pure context for tests and internal callers; the analytics engine defaults to SQL on `db`. */
export function createContextInner(opts: Partial<Context> & { db: Kysely<DB> }): Context {
  return {
    analytics: opts.analytics ?? createAnalyticsEngine(opts.db),
    jobs: null,
    actor: null,
    user: null,
    authError: null,
    cookies: noCookies,
    sessionToken: null,
    ip: '127.0.0.1',
    requestId: 'internal',
    surface: 'internal',
    appUrl: null,
    noCache: false,
    keyRateDefaults: null,
    ...opts,
    responseHeaders: opts.responseHeaders ?? {},
  };
}

export interface HttpRequestInfo {
  db: Kysely<DB>;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  cookie: string | undefined;
  cookies: SessionCookies;
  /** `rest` accepts API keys only; `trpc` accepts a key or the SPA's session. */
  surface: 'rest' | 'trpc';
  ip: string;
  requestId: string;
  /** The origin the SPA is served from, for the CSRF Origin check. */
  expectedOrigin: string;
  /** TENURE_PUBLIC_URL, when configured. */
  publicUrl?: string;
  jobs?: RecomputeQueue | null;
  /** The presented API key as the server already authenticated it (rate limiting), to reuse. */
  keyAuth?: { ok: true; key: { actor: Actor } } | { ok: false; error: AppError };
  /** The analytics engine of this server (by default SQL on `db`). */
  analytics?: AnalyticsEngine;
  keyRateDefaults?: Context['keyRateDefaults'];
}

/** `Cache-Control: no-cache` (or `no-store`, or `max-age=0`): the caller wants an answer computed now. */
export function wantsFreshAnswer(headers: HttpRequestInfo['headers']): boolean {
  const value = header(headers, 'cache-control')?.toLowerCase() ?? '';
  return /(^|,)\s*(no-cache|no-store|max-age=0)\s*(,|$)/.test(value);
}

function header(headers: HttpRequestInfo['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The presented API key: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedApiKey(headers: HttpRequestInfo['headers']): string | null {
  const auth = header(headers, 'authorization');
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m?.[1]?.trim() ?? '';
  }
  return header(headers, 'x-api-key')?.trim() ?? null;
}

export async function createHttpContext(info: HttpRequestInfo): Promise<Context> {
  const base = createContextInner({
    db: info.db,
    cookies: info.cookies,
    ip: info.ip,
    requestId: info.requestId,
    surface: info.surface,
    appUrl: info.publicUrl ?? info.expectedOrigin,
    jobs: info.jobs ?? null,
    noCache: wantsFreshAnswer(info.headers),
    keyRateDefaults: info.keyRateDefaults ?? null,
    ...(info.analytics ? { analytics: info.analytics } : {}),
  });
  try {
    const key = presentedApiKey(info.headers);
    if (key !== null) {
      if (info.keyAuth && !info.keyAuth.ok) throw info.keyAuth.error;
      base.actor = info.keyAuth?.ok ? info.keyAuth.key.actor : await authenticateApiKey(info.db, key);
      return base;
    }
    if (info.surface === 'rest' || !info.cookie) return base;
    base.sessionToken = info.cookie;
    const user = await validateSessionToken(info.db, info.cookie);
    if (!user) return base;
    // A sliding renewal moves the expiry in the database: send the cookie again with it.
    if (user.renewed) info.cookies.set(info.cookie, user.expiresAt);
    // Cookie-authenticated writes must come from our own origin (CSRF defence beside SameSite=Lax).
    if (info.method !== 'GET' && info.method !== 'HEAD' && header(info.headers, 'origin') !== info.expectedOrigin) {
      base.authError = new AppError('FORBIDDEN', 'Cross-origin request refused');
      return base;
    }
    base.user = user;
    const envId = header(info.headers, ENV_HEADER);
    if (envId) base.actor = await sessionActor(info.db, user, envId);
    return base;
  } catch (error) {
    base.authError = toAppError(error);
    return base;
  }
}
