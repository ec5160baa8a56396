/**
 * The OpenAPI document is a product surface (REST.md "The OpenAPI document"): it must pass
 * Redocly's `recommended` rules and Spectral's `spectral:oas` with no problems, and every
 * operation must carry what client generators and renderers need.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { buildOpenApiDocument, restRoutes } from '@tenure/api';
import { expect, it } from 'vitest';
import { type OpenApiDoc, operations } from './openapi-walk';

// Both Spectral packages are CommonJS whose re-exports Node's ESM loader cannot always name: read them off the default export.
const { Spectral } = spectralCore;
const { oas } = spectralRulesets;

/** Spectral's numeric severities (DiagnosticSeverity): 0 error, 1 warning, 2 information, 3 hint. */
const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'];

const doc = buildOpenApiDocument();

it('passes Redocly recommended lint with no errors and no warnings', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
  const report = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
  expect(report).toEqual([]);
});

it('passes Spectral spectral:oas with no errors and no warnings', async () => {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as RulesetDefinition, 'recommended']],
    // Off in the recommended set, on here: REST.md asks for described parameters and tags, and a license.
    rules: { 'oas3-parameter-description': 'error', 'tag-description': 'error', 'info-license': 'error' },
  });
  const results = await spectral.run(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
  const report = results
    .filter((r) => r.severity <= 1)
    .map((r) => `${SPECTRAL_SEVERITY[r.severity]} ${r.code}: ${r.message} @ ${r.path.join('.')}`);
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
