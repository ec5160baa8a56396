/** `tenure <command>`: administration from the shell (PRODUCT.md's CLI). */
import { Command, CommanderError } from 'commander';
import { registerAccountCommands } from './accounts';
import { registerEnvironmentCommands } from './environments';
import { registerRefreshCommand } from './refresh';
import { reportError } from './run';
import { registerSeedCommand } from './seed';

const program = new Command()
  .name('tenure')
  .description('Tenure administration: migrations, workspaces, environments, users, API keys, demo data, score refresh')
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ writeOut: (s) => process.stderr.write(s), writeErr: (s) => process.stderr.write(s) });

registerAccountCommands(program);
registerEnvironmentCommands(program);
registerSeedCommand(program);
registerRefreshCommand(program);

const wantsJson = process.argv.includes('--json');
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    if (helpShown) process.exit(0);
    if (wantsJson) process.stdout.write(`${JSON.stringify({ error: { message: error.message, exitCode: 2 } })}\n`);
    process.exit(2);
  }
  process.exit(reportError(error, { json: wantsJson }));
}
