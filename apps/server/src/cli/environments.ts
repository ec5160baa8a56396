/** `environment set`: an environment's rate-limit ceilings, per class (REST.md). */
import { MODES } from '@tenure/contract';
import { requireEnvironment, setEnvironmentRateLimits, systemActor } from '@tenure/core';
import { type Command, Option } from 'commander';
import { parseLimit, print, UsageError, withDatabase } from './run';

export function registerEnvironmentCommands(program: Command): void {
  program
    .command('environment')
    .description('environments')
    .command('set')
    .description("change an environment's rate-limit ceilings (shared by all its keys)")
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--mode <mode>', 'environment').choices(MODES).makeOptionMandatory())
    .option('--rate-limit <n>', 'reads and writes per second for the whole environment, or "default" (5× TENURE_RATE_LIMIT)')
    .option(
      '--ingest-rate-limit <n>',
      'ingestion requests per second for the whole environment, or "default" (5× TENURE_INGEST_RATE_LIMIT)',
    )
    .addOption(new Option('--json', 'print one JSON object on stdout'))
    .action(async (opts: { workspace: string; mode: 'live' | 'test'; rateLimit?: string; ingestRateLimit?: string; json?: boolean }) => {
      const limits = {
        rateLimit: parseLimit(opts.rateLimit, '--rate-limit', true),
        ingestRateLimit: parseLimit(opts.ingestRateLimit, '--ingest-rate-limit', true),
      };
      if (limits.rateLimit === undefined && limits.ingestRateLimit === undefined) {
        throw new UsageError('nothing to set: give --rate-limit and/or --ingest-rate-limit');
      }
      const result = await withDatabase(async ({ db }) => {
        const { workspace, environment } = await requireEnvironment(db, opts.workspace, opts.mode);
        const scope = { envId: environment.id, workspaceId: workspace.id, actor: systemActor(workspace.id, environment.id) };
        return { id: environment.id, ...(await setEnvironmentRateLimits(db, scope, limits)) };
      });
      const show = (n: number | null) => (n === null ? 'default' : `${n}/s`);
      print(
        { json: !!opts.json },
        { environment: { id: result.id, mode: opts.mode, rateLimit: result.rateLimit, ingestRateLimit: result.ingestRateLimit } },
        `${opts.workspace} ${opts.mode}: reads/writes ${show(result.rateLimit)}, ingestion ${show(result.ingestRateLimit)}`,
      );
    });
}
