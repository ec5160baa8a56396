/** First run: on an empty database, the `demo` workspace and its owner `admin@example.com`. */
import { randomBytes } from 'node:crypto';
import {
  createUserInWorkspace,
  createWorkspace,
  isFreshInstallation,
  requireEnvironment,
  type SeedProgress,
  seedDemo,
  systemActor,
} from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';

export interface FirstRunResult {
  workspace: string;
  email: string;
  /** Set when the password was generated (printed once). */
  generatedPassword: string | null;
  seeded: { customers: number; events: number } | null;
}

export interface FirstRunOptions {
  /** Demo customers to generate in the live environment (0: none). */
  demoCustomers: number;
  onProgress?: (p: SeedProgress) => void;
}

export const DEMO_WORKSPACE = 'demo';
export const DEMO_ADMIN = 'admin@example.com';

export async function firstRun(
  db: Kysely<DB>,
  env: NodeJS.ProcessEnv = process.env,
  options: FirstRunOptions = { demoCustomers: 2000 },
): Promise<FirstRunResult | null> {
  if (env.TENURE_DEMO === '0') return null;
  if (!(await isFreshInstallation(db))) return null;
  const given = env.TENURE_ADMIN_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  await createWorkspace(db, { slug: DEMO_WORKSPACE, name: 'Demo company (generated data)', currency: 'USD' });
  await createUserInWorkspace(db, { email: DEMO_ADMIN, password, name: 'Demo admin', workspaceSlug: DEMO_WORKSPACE, role: 'owner' });
  let seeded: FirstRunResult['seeded'] = null;
  if (options.demoCustomers > 0) {
    const { workspace, environment } = await requireEnvironment(db, DEMO_WORKSPACE, 'live');
    const actor = systemActor(workspace.id, environment.id);
    const result = await seedDemo(
      db,
      { envId: environment.id, workspaceId: workspace.id, actor },
      { customers: options.demoCustomers, months: 12, seed: 42 },
      options.onProgress,
    );
    seeded = { customers: result.customers, events: result.events };
  }
  return { workspace: DEMO_WORKSPACE, email: DEMO_ADMIN, generatedPassword: given ? null : password, seeded };
}
