/** The first run on an empty database: the demo workspace and its owner, once; readiness asks core. */
import { isFreshInstallation, login, pingDatabase } from '@tenure/core';
import { createDb, type Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRun } from '../../apps/server/src/bootstrap';
import { setupTestDb } from '../helpers/db';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database?.close());

describe('first run', () => {
  // The PostgreSQL suite shares one database across test files running at once: never empty there.
  it.skipIf(!!process.env.DATABASE_URL)(
    'creates the demo workspace and its owner on an empty database, and never again (needs a database of its own: PGlite)',
    async () => {
      expect(await isFreshInstallation(database.db)).toBe(true);
      const env = { TENURE_ADMIN_PASSWORD: 'a demo password here' };
      const made = await firstRun(database.db, env, { demoCustomers: 0 });
      expect(made).toEqual({ workspace: 'demo', email: 'admin@example.com', generatedPassword: null, seeded: null });
      const session = await login(database.db, { email: 'admin@example.com', password: 'a demo password here' });
      expect(session.token).toBeTruthy();
      expect(await isFreshInstallation(database.db)).toBe(false);
      expect(await firstRun(database.db, env, { demoCustomers: 0 })).toBeNull();
    },
  );

  it('a ping resolves when the database answers and rejects when it cannot be reached', async () => {
    await expect(pingDatabase(database.db, 2000)).resolves.toBeUndefined();
    const unreachable = createDb({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      await expect(pingDatabase(unreachable.db, 2000)).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });
});
