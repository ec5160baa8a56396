/** Route meta is the single source of each route's access rules; a data route without it fails closed. */
import { createCallerFactory, createContextInner, restRoutes, router, scoped, staffMeta } from '@tenure/api';
import { describe, expect, it } from 'vitest';

describe('scoped', () => {
  it('refuses to run a route that declares no access rules', async () => {
    const probe = router({ open: scoped.query(() => 'should never run') });
    const caller = createCallerFactory(probe)(
      createContextInner({
        db: {} as never,
        actor: { kind: 'system', workspaceId: 'ws_x', envId: 'env_x', permissions: new Set(['customers:read']) },
      }),
    );
    await expect(caller.open()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('authorizes by the meta alone', async () => {
    const probe = router({ keys: scoped.meta(staffMeta('keys:manage')).query(() => 'ran') });
    const call = (permissions: string[], kind: 'system' | 'apiKey' = 'system') =>
      createCallerFactory(probe)(
        createContextInner({
          db: {} as never,
          actor:
            kind === 'system'
              ? { kind, workspaceId: 'ws_x', envId: 'env_x', permissions: new Set(permissions as never[]) }
              : {
                  kind,
                  keyId: 'key_x',
                  keyType: 'secret',
                  workspaceId: 'ws_x',
                  envId: 'env_x',
                  permissions: new Set(permissions as never[]),
                },
        }),
      ).keys();
    await expect(call(['keys:manage'])).resolves.toBe('ran');
    await expect(call(['customers:read'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Staff-only: an API key is refused whatever it carries.
    await expect(call(['keys:manage'], 'apiKey')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('REST routes', () => {
  it('each declares its permission, publishable access, rate class and body limit in its meta', () => {
    const routes = restRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      expect(route.meta.auth, route.path).toBeDefined();
      expect(route.meta.auth?.staffOnly).toBe(false);
    }
    const byPath = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.meta]));
    expect(byPath['POST /events/batch']).toMatchObject({ auth: { rateClass: 'ingest', publishable: true }, bodyLimit: 10 * 1024 * 1024 });
    expect(byPath['POST /events']?.auth?.rateClass).toBe('ingest');
    expect(byPath['POST /customers/batch']?.bodyLimit).toBe(32 * 1024 * 1024);
    expect(byPath['GET /customers']).toMatchObject({ auth: { rateClass: 'api', publishable: false } });
  });
});
