/** `tenure seed`: deterministic demo data through the ingestion code, with a progress bar on stderr. */
import { MODES } from '@tenure/contract';
import { requireEnvironment, seedDemo, systemActor } from '@tenure/core';
import { type Command, Option } from 'commander';
import { progressBar } from './progress';
import { print, UsageError, withDatabase } from './run';

function positiveInt(name: string, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}`);
    return n;
  };
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('generate realistic demo customers and events (deterministic from --seed)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--mode <mode>', 'environment').choices(MODES).makeOptionMandatory())
    .option('--customers <n>', 'customers to generate', positiveInt('customers', 1_000_000), 2000)
    .option('--months <m>', 'months of history', positiveInt('months', 36), 12)
    .option('--seed <k>', 'random seed', positiveInt('seed', 2 ** 31), 42)
    .addOption(new Option('--json', 'print one JSON object on stdout'))
    .action(async (opts: { workspace: string; mode: 'live' | 'test'; customers: number; months: number; seed: number; json?: boolean }) => {
      const bar = progressBar('seeding [{bar}] {value}/{total} customers | {events} events | {eta_formatted} left');
      const result = await withDatabase(async ({ db }) => {
        const { workspace, environment } = await requireEnvironment(db, opts.workspace, opts.mode);
        const scope = {
          envId: environment.id,
          workspaceId: workspace.id,
          actor: systemActor(workspace.id, environment.id),
        };
        bar.start(opts.customers, 0, { events: 0 });
        try {
          return await seedDemo(db, scope, { customers: opts.customers, months: opts.months, seed: opts.seed }, (p) =>
            bar.update(p.customersDone, { events: p.events }),
          );
        } finally {
          bar.stop();
        }
      });
      print(
        { json: !!opts.json },
        { seeded: result },
        `Seeded ${result.customers} customers and ${result.events} events (${result.duplicates} already present)`,
      );
    });
}
