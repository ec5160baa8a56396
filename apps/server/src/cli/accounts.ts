/** migrate, workspace create, user create, api-key create/revoke. */
import { KEY_TYPES, MODES, ROLES, SCOPES, type Scope as ApiScope } from '@tenure/contract';
import { createApiKey, createUserInWorkspace, createWorkspace, requireEnvironment, revokeApiKeyById, systemActor } from '@tenure/core';
import { createDb, migrateToLatest } from '@tenure/db';
import { type Command, Option } from 'commander';
import { loadConfig } from '../config';
import { parseLimit, print, UsageError, withDatabase } from './run';

const json = () => new Option('--json', 'print one JSON object on stdout');

function parseScopes(value: string | undefined): ApiScope[] | undefined {
  if (!value) return undefined;
  const scopes = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`unknown scope(s): ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`);
  return scopes as ApiScope[];
}

/** The password from --password-stdin, --password or TENURE_PASSWORD (exactly one). */
async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  const sources = [opts.passwordStdin, opts.password !== undefined, process.env.TENURE_PASSWORD !== undefined].filter(Boolean).length;
  if (sources === 0) throw new UsageError('give the password with --password-stdin, TENURE_PASSWORD or --password');
  if (sources > 1) throw new UsageError('give the password one way only: --password-stdin, TENURE_PASSWORD or --password');
  if (opts.passwordStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  return opts.password ?? process.env.TENURE_PASSWORD ?? '';
}

export function registerAccountCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .addOption(json())
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const database = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        const { applied } = await migrateToLatest(database.db);
        print({ json: !!opts.json }, { applied }, applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
      } finally {
        await database.close();
      }
    });

  const workspace = program.command('workspace').description('workspaces');
  workspace
    .command('create')
    .description('create a workspace with its live and test environments')
    .requiredOption('--slug <slug>', 'URL-safe identifier')
    .requiredOption('--name <name>', 'display name')
    .option('--currency <code>', 'ISO 4217 currency', 'USD')
    .addOption(json())
    .action(async (opts: { slug: string; name: string; currency: string; json?: boolean }) => {
      const ws = await withDatabase(({ db }) => createWorkspace(db, opts));
      print({ json: !!opts.json }, { workspace: ws }, `Created workspace ${ws.slug} (${ws.id})`);
    });

  const user = program.command('user').description('staff users');
  user
    .command('create')
    .description('create a staff user (or reuse one by email) and give it a role in a workspace')
    .requiredOption('--email <email>', 'sign-in email')
    .option(
      '--password <password>',
      'password (at least 10 characters); visible in the process list: prefer --password-stdin or TENURE_PASSWORD',
    )
    .option('--password-stdin', 'read the password from the first line of standard input')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--role <role>', 'role in the workspace').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'display name')
    .addOption(json())
    .action(
      async (opts: {
        email: string;
        password?: string;
        passwordStdin?: boolean;
        workspace: string;
        role: (typeof ROLES)[number];
        name?: string;
        json?: boolean;
      }) => {
        const password = await passwordFrom(opts);
        const result = await withDatabase(({ db }) =>
          createUserInWorkspace(db, {
            email: opts.email,
            password,
            name: opts.name,
            workspaceSlug: opts.workspace,
            role: opts.role,
          }),
        );
        const { created, ...userView } = result;
        print(
          { json: !!opts.json },
          { user: userView, created },
          `${created ? 'Created' : 'Updated'} ${result.email}: ${result.role} of ${result.workspace}`,
        );
      },
    );

  const apiKey = program.command('api-key').description('API keys');
  apiKey
    .command('create')
    .description('create an API key (printed once)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--mode <mode>', 'environment').choices(MODES).makeOptionMandatory())
    .addOption(new Option('--type <type>', 'key type').choices(KEY_TYPES).makeOptionMandatory())
    .option('--scopes <list>', `comma-separated scopes (default: all): ${SCOPES.join(',')}`)
    .option('--name <name>', 'a label for the key')
    .option('--rate-limit <n>', 'reads and writes per second for this key (default: TENURE_RATE_LIMIT)')
    .option('--ingest-rate-limit <n>', 'ingestion requests per second for this key (default: TENURE_INGEST_RATE_LIMIT)')
    .addOption(json())
    .action(
      async (opts: {
        workspace: string;
        mode: 'live' | 'test';
        type: 'secret' | 'publishable';
        scopes?: string;
        name?: string;
        rateLimit?: string;
        ingestRateLimit?: string;
        json?: boolean;
      }) => {
        const scopes = parseScopes(opts.scopes);
        if (scopes && opts.type === 'publishable')
          throw new UsageError('publishable keys carry no scopes: they may only ingest and identify');
        const limits = {
          rateLimit: parseLimit(opts.rateLimit, '--rate-limit'),
          ingestRateLimit: parseLimit(opts.ingestRateLimit, '--ingest-rate-limit'),
        };
        const created = await withDatabase(async ({ db }) => {
          const { workspace: ws, environment } = await requireEnvironment(db, opts.workspace, opts.mode);
          const scope = { envId: environment.id, workspaceId: ws.id, actor: systemActor(ws.id, environment.id), mode: opts.mode };
          return createApiKey(db, scope, { type: opts.type, name: opts.name, scopes, ...limits });
        });
        print({ json: !!opts.json }, created, `${created.key}\n(id ${created.id}; store it now: it is not shown again)`);
      },
    );

  apiKey
    .command('revoke')
    .description('revoke an API key')
    .requiredOption('--id <id>', 'the key id (key_…)')
    .addOption(json())
    .action(async (opts: { id: string; json?: boolean }) => {
      await withDatabase(({ db }) => revokeApiKeyById(db, opts.id));
      print({ json: !!opts.json }, { revoked: true, id: opts.id }, `Revoked ${opts.id}`);
    });
}
