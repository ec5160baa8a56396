/**
 * Staff tRPC writes under the storable-input properties, over real HTTP with a session cookie:
 * strings with NUL, lone surrogates, right-to-left text and emoji in key names, invite emails,
 * member and invite ids, invite tokens, names and passwords are never a 5xx; NUL and lone
 * surrogates are a 400 BAD_REQUEST naming the path, and nothing is written.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, PASSWORD, type Tenant } from '../helpers/fixtures';
import { trpcHttp, useHttpFixture } from '../helpers/server';
import { RUNS, storable, text } from './storable-text';

const fx = useHttpFixture({ TENURE_RATE_LIMIT: '100000', LOG_LEVEL: 'error' });
let base: string;
let tenant: Tenant;
let cookie: string;

beforeAll(async () => {
  base = fx.server.url;
  tenant = await createTenant(fx.database.db);
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: tenant.owner.email, password: PASSWORD }),
  });
  const set = res.headers.get('set-cookie')?.split(';')[0];
  if (!set) throw new Error(`sign-in failed: ${res.status}`);
  cookie = set;
});

interface ErrorRest {
  code: string;
  issues?: { path: string; message: string }[];
}

/** One call as the owner in the live environment. */
async function call(path: string, input: unknown, query = false) {
  const res = await trpcHttp(base, path, { input, cookie, env: tenant.live.envId, query });
  return { status: res.status, data: res.body.result?.data, rest: res.body.error?.data.rest as ErrorRest | undefined };
}

/** Unstorable → 400 naming `path`; otherwise `storableStatuses` (never a 5xx either way). */
function expectAnswer(res: { status: number; rest?: ErrorRest }, s: string, path: string, storableStatuses: number[]) {
  expect(res.status).toBeLessThan(500);
  if (storable(s)) {
    expect(storableStatuses).toContain(res.status);
  } else {
    expect(res.status).toBe(400);
    expect(res.rest?.code).toBe('BAD_REQUEST');
    expect(res.rest?.issues?.map((i) => i.path)).toContain(path);
  }
}

const keyCount = async () => (await call('apiKeys.list', undefined, true)).data.apiKeys.length as number;
const invites = async () => (await call('team.invites.list', undefined, true)).data.invites as unknown[];
const members = async () => (await call('team.members.list', undefined, true)).data.members as unknown[];
const myName = async () => (await call('auth.me', undefined, true)).data.user.name as string | null;

describe('staff tRPC writes', () => {
  it('apiKeys.create stores a storable name (trimmed) and refuses the rest, creating no key', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const before = await keyCount();
        const res = await call('apiKeys.create', { type: 'secret', name: s });
        expectAnswer(res, s, 'name', [200]);
        if (res.status === 200 && s.trim()) expect(res.data.apiKey.name).toBe(s.trim());
        expect(await keyCount()).toBe(before + (res.status === 200 ? 1 : 0));
      }),
      RUNS,
    );
  });

  it('team.invites.create refuses unstorable emails by path, inviting nobody', async () => {
    // A run number in every address: fast-check may draw the same text twice, and inviting an
    // address again replaces its pending invite instead of adding one.
    let run = 0;
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const before = await invites();
        run += 1;
        const res = await call('team.invites.create', { email: `x${run}${s}@example.test`, role: 'member' });
        // Storable text may still not be an email address: a 400 as well.
        expectAnswer(res, s, 'email', [200, 400]);
        expect((await invites()).length).toBe(before.length + (res.status === 200 ? 1 : 0));
      }),
      RUNS,
    );
  });

  it('team.members.updateRole and remove refuse unstorable user ids by path; unknown ones are NOT_FOUND', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (s, remove) => {
        const before = await members();
        const res = remove
          ? await call('team.members.remove', { userId: s })
          : await call('team.members.updateRole', { userId: s, role: 'viewer' });
        expectAnswer(res, s, 'userId', [404]);
        expect(await members()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('team.invites.revoke refuses unstorable ids by path; unknown ones are NOT_FOUND', async () => {
    const open = (await call('team.invites.create', { email: 'stays@example.test', role: 'viewer' })).data;
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        expectAnswer(await call('team.invites.revoke', { id: s }), s, 'id', [404]);
      }),
      RUNS,
    );
    expect(await invites()).toContainEqual(expect.objectContaining({ id: open.invite.id }));
  });

  it('invite links refuse unstorable tokens by path; unknown ones are NOT_FOUND, joining nobody', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (s, create) => {
        const before = await members();
        expectAnswer(await call('team.invites.get', { token: s }, true), s, 'token', [404]);
        const accept = create
          ? { token: s, mode: 'create', name: 'New Person', password: 'long enough password' }
          : { token: s, mode: 'signIn', password: 'whatever password' };
        expectAnswer(await call('team.invites.accept', accept), s, 'token', [404]);
        expect(await members()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('profile.update stores a storable name (trimmed) and refuses the rest, keeping the old name', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const before = await myName();
        const res = await call('profile.update', { name: s });
        // A name of spaces only trims to nothing: a 400 on the same path.
        expectAnswer(res, s, 'name', s.trim() ? [200] : [400]);
        expect(await myName()).toBe(res.status === 200 ? s.trim() : before);
      }),
      RUNS,
    );
  });

  it('profile.changePassword refuses an unstorable password by path and keeps the old one', async () => {
    let current = PASSWORD;
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (s, asCurrent) => {
        // A storable wrong current password would count towards the sign-in backoff: profile.int covers it.
        fc.pre(!(asCurrent && storable(s)));
        const next = `${s} long enough`;
        const input = asCurrent
          ? { currentPassword: `${current}${s}`, newPassword: 'unused password' }
          : { currentPassword: current, newPassword: next };
        const res = await call('profile.changePassword', input);
        // Track an accepted change first, so a failing run leaves the next one the right password.
        if (res.status === 200) current = next;
        expectAnswer(res, s, asCurrent ? 'currentPassword' : 'newPassword', [200]);
      }),
      { numRuns: 10 },
    );
    const signIn = await trpcHttp(base, 'auth.login', { input: { email: tenant.owner.email, password: current } });
    expect(signIn.status).toBe(200);
  });
});
