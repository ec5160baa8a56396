/** Workspaces (with their live and test environments), staff users and memberships. */
import { AppError, type Mode, newId, type Role, ZNewPassword, zText } from '@tenure/contract';
import { type DB, type Kysely, userQueries, workspaceQueries } from '@tenure/db';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';

export const ZWorkspaceCreate = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'slug is 2–48 characters of a–z, 0–9 and -, starting with a letter or digit'),
  name: zText().trim().min(1, 'name is required').max(100),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency is an ISO 4217 code such as USD')
    .default('USD'),
});

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  currency: string;
}

export async function createWorkspace(db: Kysely<DB>, input: z.input<typeof ZWorkspaceCreate>): Promise<WorkspaceView> {
  const ws = ZWorkspaceCreate.parse(input);
  if (await workspaceQueries.findWorkspaceBySlug(db, ws.slug)) {
    throw new AppError('CONFLICT', `A workspace with slug "${ws.slug}" already exists`);
  }
  const id = newId('workspace');
  await db.transaction().execute((trx) =>
    workspaceQueries.insertWorkspace(trx, { id, ...ws }, [
      { id: newId('environment'), mode: 'live' },
      { id: newId('environment'), mode: 'test' },
    ]),
  );
  return { id, ...ws };
}

export async function requireWorkspace(db: Kysely<DB>, slug: string) {
  const ws = await workspaceQueries.findWorkspaceBySlug(db, slug);
  if (!ws) throw new AppError('NOT_FOUND', `No workspace with slug "${slug}"`);
  return ws;
}

export async function requireEnvironment(db: Kysely<DB>, slug: string, mode: Mode) {
  const ws = await requireWorkspace(db, slug);
  const env = await workspaceQueries.findEnvironment(db, ws.id, mode);
  if (!env) throw new AppError('NOT_FOUND', `Workspace "${slug}" has no ${mode} environment`);
  return { workspace: ws, environment: env };
}

/** Environments with their workspace's slug: one workspace's (by slug), or every one. */
export async function listEnvironments(db: Kysely<DB>, workspaceSlug?: string) {
  const workspaceId = workspaceSlug ? (await requireWorkspace(db, workspaceSlug)).id : undefined;
  return workspaceQueries.listEnvironments(db, workspaceId);
}

export const ZUserCreate = z.object({
  email: z.email('email must be an email address').max(320),
  password: ZNewPassword,
  name: zText().max(255).nullish(),
});

/** Creates the user (or reuses it by email) and gives it `role` in the workspace. */
export async function createUserInWorkspace(
  db: Kysely<DB>,
  params: { email: string; password: string; name?: string | null; workspaceSlug: string; role: Role },
): Promise<{ id: string; email: string; workspace: string; role: Role; created: boolean }> {
  const input = ZUserCreate.parse(params);
  const ws = await requireWorkspace(db, params.workspaceSlug);
  const existing = await userQueries.findUserByEmail(db, input.email);
  const id = existing?.id ?? newId('user');
  const passwordHash = existing ? null : await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    if (passwordHash) {
      await userQueries.insertUser(trx, { id, email: input.email, name: input.name ?? null, passwordHash });
    }
    await userQueries.upsertMembership(trx, { workspaceId: ws.id, userId: id, role: params.role });
  });
  return { id, email: existing?.email ?? input.email, workspace: ws.slug, role: params.role, created: !existing };
}
