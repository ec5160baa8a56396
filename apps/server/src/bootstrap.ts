/** First run: on an empty database, the `demo` workspace and its owner `admin@example.com`. */
import { randomBytes } from 'node:crypto';
import { createUserInWorkspace, createWorkspace } from '@tenure/core';
import { type DB, type Kysely, workspaceQueries } from '@tenure/db';

export interface FirstRunResult {
  workspace: string;
  email: string;
  /** Set when the password was generated (printed once). */
  generatedPassword: string | null;
}

export const DEMO_WORKSPACE = 'demo';
export const DEMO_ADMIN = 'admin@example.com';

export async function firstRun(db: Kysely<DB>, env: NodeJS.ProcessEnv = process.env): Promise<FirstRunResult | null> {
  if (env.TENURE_DEMO === '0') return null;
  if ((await workspaceQueries.countWorkspaces(db)) > 0) return null;
  const given = env.TENURE_ADMIN_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  await createWorkspace(db, { slug: DEMO_WORKSPACE, name: 'Demo company (generated data)', currency: 'USD' });
  await createUserInWorkspace(db, { email: DEMO_ADMIN, password, name: 'Demo admin', workspaceSlug: DEMO_WORKSPACE, role: 'owner' });
  return { workspace: DEMO_WORKSPACE, email: DEMO_ADMIN, generatedPassword: given ? null : password };
}
