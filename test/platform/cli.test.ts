/** The `tenure` CLI as a user runs it: real process, --json on stdout, exit codes. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('apps/server/bin/tenure.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-cli-'));
const slug = `cli-${Date.now().toString(36)}`;

type Result = { code: number; stdout: string; stderr: string };

/** Runs the CLI; `stdin` is written to its standard input, `env` adds variables. */
function tenureWith(opts: { stdin?: string; env?: Record<string, string> }, ...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, TENURE_DATA_DIR: dataDir, ...opts.env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

const tenure = (...args: string[]) => tenureWith({}, ...args);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Every command is a fresh process that opens the database: give the suite room on a loaded machine.
describe('tenure CLI', { timeout: 120_000 }, () => {
  it('creates a workspace, a user and keys, printing exactly one JSON line each', async () => {
    const ws = await tenure('workspace', 'create', '--slug', slug, '--name', 'CLI Co', '--json');
    expect(ws.code).toBe(0);
    expect(ws.stdout.trim().split('\n')).toHaveLength(1);
    const { workspace } = JSON.parse(ws.stdout);
    expect(workspace).toEqual({ id: expect.stringMatching(/^ws_/), slug, name: 'CLI Co', currency: 'USD' });

    const user = await tenure(
      'user',
      'create',
      '--email',
      `ops@${slug}.test`,
      '--password',
      'long enough password',
      '--workspace',
      slug,
      '--role',
      'admin',
      '--json',
    );
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout).user).toMatchObject({ email: `ops@${slug}.test`, role: 'admin', workspace: slug });

    const key = await tenure(
      'api-key',
      'create',
      '--workspace',
      slug,
      '--mode',
      'live',
      '--type',
      'secret',
      '--scopes',
      'customers:read',
      '--json',
    );
    expect(key.code).toBe(0);
    const created = JSON.parse(key.stdout);
    expect(created).toEqual({
      key: expect.stringMatching(/^sk_live_[a-z2-7]{52}$/),
      id: expect.stringMatching(/^key_/),
      prefix: expect.stringMatching(/^sk_live_/),
    });
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const limited = await tenure(
      ...[
        'api-key',
        'create',
        '--workspace',
        slug,
        '--mode',
        'test',
        '--type',
        'publishable',
        '--rate-limit',
        '50',
        '--ingest-rate-limit',
        '700',
        '--json',
      ],
    );
    expect(limited.code, limited.stderr).toBe(0);
    const env = await tenure(
      ...['environment', 'set', '--workspace', slug, '--mode', 'test', '--rate-limit', '900', '--ingest-rate-limit', 'default', '--json'],
    );
    expect(env.code, env.stderr).toBe(0);
    expect(JSON.parse(env.stdout)).toEqual({
      environment: { id: expect.stringMatching(/^env_/), mode: 'test', rateLimit: 900, ingestRateLimit: null },
    });

    const refreshed = await tenure('refresh', '--workspace', slug, '--json');
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(JSON.parse(refreshed.stdout)).toEqual({ refreshed: { environments: 2, customers: 0, changed: 0, transitions: 0 } });

    const revoked = await tenure('api-key', 'revoke', '--id', created.id, '--json');
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: true, id: created.id });
  });

  it('seeds and refreshes customers with events, each with a progress line on stderr even when it is not a terminal', async () => {
    const seeded = await tenure('seed', '--workspace', slug, '--mode', 'live', '--customers', '3', '--months', '1', '--json');
    expect(seeded.code, seeded.stderr).toBe(0);
    const { seeded: made } = JSON.parse(seeded.stdout);
    expect(made).toMatchObject({ customers: 3, duplicates: 0 });
    expect(made.events).toBeGreaterThan(0);
    expect(seeded.stderr).toMatch(new RegExp(`^seeding \\[=+\\] 3/3 customers \\| ${made.events} events`, 'm'));

    const refreshed = await tenure('refresh', '--workspace', slug, '--json');
    expect(refreshed.code, refreshed.stderr).toBe(0);
    const { refreshed: totals } = JSON.parse(refreshed.stdout);
    expect(totals).toMatchObject({ environments: 2, customers: 3, transitions: 0 });
    // Customers with events get a health score: at least those change from the defaults.
    expect(totals.changed).toBeGreaterThan(0);
    // The last progress line of the live environment (stderr is a pipe here, as in CI logs).
    const line = new RegExp(`^${slug} live \\[=+\\] 3/3 customers \\| ${totals.changed} changed`, 'm');
    expect(refreshed.stderr).toMatch(line);
    expect(refreshed.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('takes a password from standard input or TENURE_PASSWORD, and exactly one source', async () => {
    const fromStdin = await tenureWith(
      { stdin: 'password from stdin\n' },
      ...['user', 'create', '--email', `stdin@${slug}.test`, '--password-stdin', '--workspace', slug, '--role', 'viewer', '--json'],
    );
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const fromEnv = await tenureWith(
      { env: { TENURE_PASSWORD: 'password from env var' } },
      ...['user', 'create', '--email', `env@${slug}.test`, '--workspace', slug, '--role', 'viewer', '--json'],
    );
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const none = await tenure('user', 'create', '--email', `none@${slug}.test`, '--workspace', slug, '--role', 'viewer');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--password-stdin, TENURE_PASSWORD or --password/);
  });

  it('exits non-zero with a clear message on bad arguments', async () => {
    const badMode = await tenure('api-key', 'create', '--workspace', slug, '--mode', 'staging', '--type', 'secret', '--json');
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toMatch(/staging/);
    const badScope = await tenure(
      'api-key',
      'create',
      '--workspace',
      slug,
      '--mode',
      'live',
      '--type',
      'secret',
      '--scopes',
      'everything',
      '--json',
    );
    expect(badScope.code).toBe(2);
    expect(JSON.parse(badScope.stdout).error.message).toMatch(/unknown scope/);
    const missing = await tenure('api-key', 'create', '--workspace', 'no-such-workspace', '--mode', 'live', '--type', 'secret');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No workspace with slug/);
    const zero = await tenure('api-key', 'create', '--workspace', slug, '--mode', 'live', '--type', 'secret', '--rate-limit', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--rate-limit must be a whole number/);
    const nothing = await tenure('environment', 'set', '--workspace', slug, '--mode', 'live');
    expect(nothing.code).toBe(2);
    const dup = await tenure('workspace', 'create', '--slug', slug, '--name', 'Again');
    expect(dup.code).toBe(3);
    const badSlug = await tenure('workspace', 'create', '--slug', 'Bad Slug!', '--name', 'X');
    expect(badSlug.code).toBe(2);
  });
});
