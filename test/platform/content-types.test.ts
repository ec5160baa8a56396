/** JSON only on body paths: every other content type — and a body sent without one — is 415, before anything is written. */
import { beforeAll, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();
let key: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
});

const body = '{"externalId":"typed"}';

it.each([
  ['text/plain', body],
  ['text/plain; charset=utf-8', body],
  ['application/x-www-form-urlencoded', 'externalId=typed'],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="externalId"\r\n\r\ntyped\r\n--x--\r\n'],
  ['application/xml', '<customer/>'],
  ['application/octet-stream', body],
])('%s → 415 UNSUPPORTED_MEDIA_TYPE', async (type, raw) => {
  for (const path of ['/api/v1/customers', '/api/v1/events/batch', '/api/v1/customers/batch']) {
    const res = await api(fx.server.url, 'POST', path, { key, rawBody: raw, headers: { 'content-type': type } });
    expect(res.status, `${path} ${type}`).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  }
});

it('a body without a content type → 415; no body and no type is {}', async () => {
  const res = await fetch(`${fx.server.url}/api/v1/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: new Uint8Array(Buffer.from(body)),
  });
  expect(res.status).toBe(415);
  expect(((await res.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).body).toEqual({ count: 0 });
  const empty = await api(fx.server.url, 'POST', '/api/v1/customers', { key });
  expect(empty.status).toBe(200);
});

it('application/json with a charset is JSON', async () => {
  const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
    key,
    rawBody: body,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  expect(res.status).toBe(200);
});
