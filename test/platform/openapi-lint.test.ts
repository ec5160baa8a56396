/**
 * The OpenAPI document is a product surface (REST.md "The OpenAPI document"): it must pass
 * Redocly's `recommended` rules with no problems, and every operation must carry what client
 * generators and renderers need.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildOpenApiDocument, restRoutes } from '@tenure/api';
import { expect, it } from 'vitest';
import { type OpenApiDoc, operations } from './openapi-walk';

const doc = buildOpenApiDocument();

it('passes Redocly recommended lint with no errors and no warnings', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
  const report = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
  expect(report).toEqual([]);
});

it('documents every operation with an id, summary, description, tag, security and error responses', () => {
  const ops = operations(doc as unknown as OpenApiDoc);
  // The checks below run per operation: first make sure they are all there (an empty document would pass them).
  expect(ops.length).toBeGreaterThanOrEqual(18);
  expect(ops.map((o) => o.where).sort()).toEqual(
    restRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .sort(),
  );
  const ids = new Set<string>();
  for (const { where, op: operation } of ops) {
    const op = operation as Record<string, any>;
    expect(op.operationId, where).toBeTruthy();
    expect(ids.has(op.operationId), `${where} duplicate operationId`).toBe(false);
    ids.add(op.operationId);
    expect(op.summary && op.description && op.tags?.length, where).toBeTruthy();
    expect(op.security, where).toEqual([{ Authorization: [] }]);
    for (const status of ['400', '401', '403', '404', '429', '500']) expect(op.responses[status], `${where} ${status}`).toBeTruthy();
    for (const param of op.parameters ?? []) expect(param.description, `${where} ${param.name}`).toBeTruthy();
  }
});
