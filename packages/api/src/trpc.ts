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

function safeDecode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The `{params}` of each REST path template, parsed once. */
const pathParams = new Map<string, string[]>();
function paramsOf(path: string | undefined): string[] {
  if (!path) return [];
  let params = pathParams.get(path);
  if (!params) {
    params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    pathParams.set(path, params);
  }
  return params;
}

type MiddlewareOpts = Parameters<Parameters<typeof t.middleware>[0]>[0];

/**
 * What every call goes through, inside the one middleware each procedure kind has (tRPC copies
 * its options object twice for every middleware level, which showed in the keyed read's profile):
 * - input no procedure may take (REST.md "Body"): JSON deeper than 64 levels and `__proto__` keys
 *   (REST bodies were checked when Fastify parsed them; tRPC parses its own, URL inputs and bodies);
 * - path parameters, which trpc-to-openapi hands over still URL-encoded (`ext_user%2F42`), decoded;
 * - `ctx` narrowed by the procedure kind's own check (`admit`, which may throw);
 * - every thrown error (database, zod, domain) turned into an AppError-backed TRPCError.
 */
async function callThrough<Extra extends object>(opts: MiddlewareOpts, admit: (ctx: Context) => Extra) {
  const { ctx, meta, getRawInput, next } = opts;
  let extra: Extra;
  try {
    if (ctx.surface !== 'rest') {
      const problem = jsonProblem(await getRawInput());
      if (problem) {
        const issues = problem.kind === 'proto' ? [{ path: problem.path, message: problem.message }] : undefined;
        throw new AppError('BAD_REQUEST', problem.message, { issues });
      }
    }
    extra = admit(ctx);
  } catch (error) {
    throw toTRPCError(toAppError(error));
  }
  const params = ctx.surface === 'rest' ? paramsOf(meta?.openapi?.path) : [];
  // tRPC reads `ctx` and `getRawInput` from the same options at run time (its overloads of `next`
  // offer them apart): the assertion keeps the typed overload that narrows ctx.
  const nextOpts =
    params.length === 0
      ? { ctx: extra }
      : ({
          ctx: extra,
          getRawInput: async () => {
            const raw = (await getRawInput()) as Record<string, unknown> | undefined;
            if (!raw || typeof raw !== 'object') return raw;
            const decoded = { ...raw };
            for (const p of params) decoded[p] = safeDecode(raw[p]);
            return decoded;
          },
        } as { ctx: Extra });
  const result = await next(nextOpts);
  if (!result.ok) return { ...result, error: toTRPCError(toAppError(result.error)) } as typeof result;
  return result;
}

/** No credentials needed (sign-in, invite acceptance). */
export const publicProcedure = t.procedure.use((opts) => callThrough(opts, () => ({})));

/** A signed-in staff user (session), no environment needed. */
export const userProcedure = t.procedure.use((opts) =>
  callThrough(opts, (ctx) => {
    if (ctx.authError) throw ctx.authError;
    if (!ctx.user) throw new AppError('UNAUTHORIZED', 'Sign in first');
    return { user: ctx.user };
  }),
);

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
export const scoped = t.procedure.use((opts) =>
  callThrough(opts, (ctx) => {
    const auth = opts.meta?.auth;
    if (!auth) throw new AppError('INTERNAL_SERVER_ERROR', 'This route declares no access rules');
    const actor = requireActor(ctx);
    authorize(actor, auth);
    const scope: Scope = { envId: actor.envId, workspaceId: actor.workspaceId, actor };
    return { actor, scope, envId: actor.envId };
  }),
);
