/** tRPC init, the error formatter, and the procedure builders every route starts from. */
import { initTRPC } from '@trpc/server';
import { AppError, jsonProblem } from '@tenure/contract';
import type { Actor, Scope } from '@tenure/core';
import type { Context } from './context';
import { errorBody, toAppError, toTRPCError } from './errors';
import type { RouteAuth, TenureMeta } from './meta';

const t = initTRPC
  .context<Context>()
  .meta<TenureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const app = toAppError(error);
      const body = errorBody(app);
      // No stack and no internal detail leaves the server, in any NODE_ENV.
      return {
        message: body.message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: app.status, path: shape.data.path, rest: body },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Converts every thrown error (database, zod, domain) to an AppError-backed TRPCError. */
const normalizeErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const app = toAppError(result.error);
    return { ...result, error: toTRPCError(app) } as typeof result;
  }
  return result;
});

function safeDecode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** trpc-to-openapi hands path parameters over still URL-encoded (`ext_user%2F42`): decode them. */
const decodePathParams = t.middleware(({ ctx, meta, getRawInput, next }) => {
  const params = ctx.surface === 'rest' ? [...(meta?.openapi?.path.matchAll(/\{(\w+)\}/g) ?? [])].map((m) => m[1] as string) : [];
  if (params.length === 0) return next();
  return next({
    getRawInput: async () => {
      const raw = (await getRawInput()) as Record<string, unknown> | undefined;
      if (!raw || typeof raw !== 'object') return raw;
      return { ...raw, ...Object.fromEntries(params.map((p) => [p, safeDecode(raw[p])])) };
    },
  });
});

/**
 * Input no procedure may take (REST.md "Body"): JSON deeper than 64 levels and `__proto__` keys.
 * REST bodies were checked when Fastify parsed them; tRPC parses its own (URL inputs and bodies).
 */
const refuseHostileJson = t.middleware(async ({ ctx, getRawInput, next }) => {
  if (ctx.surface !== 'rest') {
    const problem = jsonProblem(await getRawInput());
    if (problem) {
      throw new AppError(
        'BAD_REQUEST',
        problem.message,
        problem.kind === 'proto' ? { issues: [{ path: problem.path, message: problem.message }] } : {},
      );
    }
  }
  return next();
});

export const publicProcedure = t.procedure.use(normalizeErrors).use(refuseHostileJson).use(decodePathParams);

/** A signed-in staff user (session), no environment needed. */
export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  return next({ ctx: { user: ctx.user } });
});

function requireActor(ctx: Context): Actor {
  if (ctx.authError) throw ctx.authError;
  if (ctx.actor) return ctx.actor;
  if (ctx.user) throw new AppError('BAD_REQUEST', 'Choose an environment (x-tenure-environment header)');
  throw new AppError('UNAUTHORIZED', 'Missing credentials: send an API key as "Authorization: Bearer <key>"');
}

/**
 * Whether an actor may call a route with these access rules; throws FORBIDDEN when not. The one
 * check behind `scoped` and the idempotency layer's replays.
 */
export function authorize(actor: Actor, auth: RouteAuth): void {
  if (actor.kind === 'apiKey') {
    if (auth.staffOnly) throw new AppError('FORBIDDEN', 'This operation is only available to staff in the app');
    if (actor.keyType === 'publishable' && !auth.publishable) {
      throw new AppError('FORBIDDEN', 'Publishable keys may only ingest events and identify customers');
    }
  }
  if (!actor.permissions.has(auth.permission)) throw new AppError('FORBIDDEN', `Missing permission ${auth.permission}`);
}

/**
 * The procedure for data routes: resolves the actor, authorizes it by the route's meta (the
 * single source of its permission; a route without `auth` meta fails closed) and hands the
 * environment scope to the handler.
 */
export const scoped = publicProcedure.use(({ ctx, meta, next }) => {
  const auth = meta?.auth;
  if (!auth) throw new AppError('INTERNAL_SERVER_ERROR', 'This route declares no access rules');
  const actor = requireActor(ctx);
  authorize(actor, auth);
  const scope: Scope = { envId: actor.envId, workspaceId: actor.workspaceId, actor };
  return next({ ctx: { actor, scope, envId: actor.envId } });
});
