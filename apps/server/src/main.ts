/** `npm start`: migrate, first-run setup, serve, and shut down gracefully on SIGTERM/SIGINT. */
import { createJobRunner } from '@tenure/core';
import { createDb, migrateToLatest } from '@tenure/db';
import { buildApp } from './app';
import { firstRun } from './bootstrap';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { applied } = await migrateToLatest(database.db);
  const jobs = createJobRunner(database, { work: config.workers, log: { warn: (obj, msg) => app.log.warn(obj, msg) } });
  const app = await buildApp(database, config, { jobs });
  if (applied.length) app.log.info({ applied }, 'migrations applied');

  const setup = await firstRun(database.db, process.env, {
    demoCustomers: 2000,
    onProgress: (p) =>
      process.stderr.write(`\r  Generating demo data: ${p.customersDone}/${p.customersTotal} customers, ${p.events} events`),
  });
  if (setup) {
    if (setup.seeded) process.stderr.write('\n');
    const password = setup.generatedPassword ?? '(from TENURE_ADMIN_PASSWORD)';
    process.stderr.write(
      `\n  Tenure first run: workspace "${setup.workspace}" created${setup.seeded ? ` with ${setup.seeded.customers} demo customers and ${setup.seeded.events} events (generated data)` : ''}.\n  Sign in as ${setup.email} with password: ${password}\n  (shown once; set TENURE_ADMIN_PASSWORD to choose it)\n\n`,
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Connections that finish their in-flight request while closing go idle afterwards: keep
    // closing idle keep-alive sockets so close() does not wait for their keep-alive timeout.
    const reap = setInterval(() => app.server.closeIdleConnections(), 200);
    try {
      await app.close();
      clearInterval(reap);
      await jobs.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Jobs start after the demo data, so its thousands of stale marks are drained in one go.
  await jobs.start();
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address, database: database.driver }, 'Tenure is listening');
  process.stderr.write(`  Tenure is running at http://${config.host}:${config.port} (${database.driver})\n`);
}

main().catch((error) => {
  process.stderr.write(`Tenure failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
