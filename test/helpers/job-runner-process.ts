/**
 * Another server process's background jobs, for tests that need a second real process on the same
 * PostgreSQL: its own connection pool and pg-boss workers (createJobRunner as apps/server/src/main.ts
 * starts it, without the HTTP part). Prints `started` once it takes jobs; on a `sweep` line from
 * stdin runs the hourly sweep (what the cron runs in one process) and prints `swept`; stops when
 * stdin closes. Run with `node --import tsx test/helpers/job-runner-process.ts` and DATABASE_URL set.
 */
import { createInterface } from 'node:readline';
import { createJobRunner } from '@tenure/core';
import { createDb } from '@tenure/db';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required: a second process cannot open the embedded PGlite');
  const database = createDb({ databaseUrl, poolSize: 3 });
  const runner = createJobRunner(database, { work: true });
  await runner.start();
  process.stdout.write('started\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'sweep') continue;
    await runner.sweep();
    process.stdout.write('swept\n');
  }
  await runner.stop();
  await database.close();
}

main().catch((error) => {
  process.stderr.write(`job runner process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
