/** The OpenAPI document is a product surface: it must pass Redocly's `recommended` rules with 0 errors. */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildOpenApiDocument } from '@tenure/api';
import { expect, it } from 'vitest';

it('passes Redocly recommended lint with no errors and no warnings', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(buildOpenApiDocument()), absoluteRef: '/openapi.json', config });
  const report = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
  expect(report).toEqual([]);
});

it('documents every operation with an id, summary, description, tag, security and error responses', () => {
  const doc = buildOpenApiDocument();
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, any>)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toBeTruthy();
      expect(ids.has(op.operationId), `${where} duplicate operationId`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary && op.description && op.tags?.length, where).toBeTruthy();
      expect(op.security, where).toEqual([{ Authorization: [] }]);
      for (const status of ['400', '401', '403', '404', '429', '500']) expect(op.responses[status], `${where} ${status}`).toBeTruthy();
      for (const param of op.parameters ?? []) expect(param.description, `${where} ${param.name}`).toBeTruthy();
    }
  }
});
