/** Workspaces and their live/test environments. */
import type { Kysely } from 'kysely';
import type { DB } from '../types';

export async function insertWorkspace(
  db: Kysely<DB>,
  ws: { id: string; slug: string; name: string; currency: string },
  environments: { id: string; mode: 'live' | 'test' }[],
): Promise<void> {
  await db.insertInto('workspaces').values(ws).execute();
  await db
    .insertInto('environments')
    .values(environments.map((e) => ({ id: e.id, workspaceId: ws.id, mode: e.mode })))
    .execute();
}

export function findWorkspaceBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function countWorkspaces(db: Kysely<DB>) {
  return db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function findEnvironment(db: Kysely<DB>, workspaceId: string, mode: 'live' | 'test') {
  return db.selectFrom('environments').selectAll().where('workspaceId', '=', workspaceId).where('mode', '=', mode).executeTakeFirst();
}

export function findEnvironmentById(db: Kysely<DB>, envId: string) {
  return db
    .selectFrom('environments')
    .innerJoin('workspaces', 'workspaces.id', 'environments.workspaceId')
    .select([
      'environments.id',
      'environments.workspaceId',
      'environments.mode',
      'environments.settings',
      'environments.rateLimit',
      'workspaces.currency',
    ])
    .where('environments.id', '=', envId)
    .executeTakeFirst();
}

export function findEnvironmentRateLimits(db: Kysely<DB>, envId: string) {
  return db.selectFrom('environments').select(['rateLimit', 'ingestRateLimit']).where('id', '=', envId).executeTakeFirstOrThrow();
}

/** Sets an environment's rate-limit ceilings (a field left undefined stays; null returns it to the default). */
export function updateEnvironmentRateLimits(
  db: Kysely<DB>,
  envId: string,
  limits: { rateLimit?: number | null; ingestRateLimit?: number | null },
) {
  return db
    .updateTable('environments')
    .set(limits)
    .where('id', '=', envId)
    .returning(['rateLimit', 'ingestRateLimit'])
    .executeTakeFirstOrThrow();
}

/** Environments with their workspace's slug: one workspace's, or every one (maintenance, the CLI). */
export function listEnvironments(db: Kysely<DB>, workspaceId?: string) {
  let q = db
    .selectFrom('environments')
    .innerJoin('workspaces', 'workspaces.id', 'environments.workspaceId')
    .select(['environments.id', 'environments.mode', 'workspaces.slug']);
  if (workspaceId) q = q.where('environments.workspaceId', '=', workspaceId);
  return q.orderBy('workspaces.slug').orderBy('environments.mode').execute();
}
