/** `tenure refresh`: recompute stored scores now (every environment, or one workspace's), with a progress bar on stderr. */
import { drainStaleScores, listEnvironments, requestRecompute } from '@tenure/core';
import { type Command, Option } from 'commander';
import { progressBar } from './progress';
import { print, withDatabase } from './run';

export function registerRefreshCommand(program: Command): void {
  program
    .command('refresh')
    .description("recompute every customer's stored scores now (health, risk, lifecycle, engagement, expansion)")
    .option('--workspace <slug>', 'only this workspace (both environments); default: every workspace')
    .addOption(new Option('--json', 'print one JSON object on stdout'))
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      const result = await withDatabase(async ({ db }) => {
        const environments = await listEnvironments(db, opts.workspace);
        const totals = { environments: environments.length, customers: 0, changed: 0, transitions: 0 };
        for (const env of environments) {
          const bar = progressBar(`${env.slug} ${env.mode} [{bar}] {value}/{total} customers | {changed} changed | {eta_formatted} left`);
          bar.start(0, 0, { changed: 0 });
          try {
            const done = await requestRecompute(db, env.id, 'manual', null, {
              onProgress: (p) => {
                bar.setTotal(Math.max(p.total, p.examined));
                bar.update(p.examined, { changed: p.changed });
              },
            });
            // Marks written meanwhile (or left by writes while no server ran) are covered now.
            const drained = await drainStaleScores(db, env.id);
            totals.customers += done.examined;
            totals.changed += done.changed + drained.changed;
            totals.transitions += done.transitions + drained.transitions;
          } finally {
            bar.stop();
          }
        }
        return totals;
      });
      print(
        { json: !!opts.json },
        { refreshed: result },
        `Recomputed ${result.customers} customers in ${result.environments} environments: ${result.changed} changed, ${result.transitions} transitions`,
      );
    });
}
