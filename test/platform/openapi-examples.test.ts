/**
 * The OpenAPI document is what integrators render docs and generate clients from: every property
 * and parameter is described, every request body and every 200 answer has an example, and every
 * example (and default) is valid against its schema under JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1. The checks walk the whole document, so a new route passes them or fails here.
 */
import { appRouter, buildOpenApiDocument, restRoutes } from '@tenure/api';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { coverage, exampleCases, json, type OpenApiDoc, type Operation, operations, type Schema } from './openapi-walk';

const doc = buildOpenApiDocument() as unknown as OpenApiDoc;

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10);

describe('the OpenAPI document', () => {
  it('holds every REST route of the router, and nothing else', () => {
    const documented = operations(doc).map((o) => o.where);
    const routes = restRoutes().map((r) => `${r.method} ${r.path}`);
    // Guards the walks below against passing on an empty document.
    expect(routes.length).toBeGreaterThanOrEqual(18);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('describes every property and parameter, and has a request and a 200 example for every operation', () => {
    const c = coverage(doc);
    const figures = {
      propertiesDescribed: `${percent(c.describedProperties, c.properties)}% of ${c.properties}`,
      parametersDescribed: `${percent(c.describedParameters, c.parameters)}% of ${c.parameters}`,
      requestBodiesWithExample: `${percent(c.bodyExamples, c.bodies)}% of ${c.bodies}`,
      okResponsesWithExample: `${percent(c.okExamples, c.operations)}% of ${c.operations}`,
    };
    console.info('OpenAPI documentation coverage', figures);
    expect(c.missing).toEqual([]);
    expect(c.properties).toBeGreaterThan(0);
    expect(c.bodies).toBeGreaterThan(0);
    expect([c.describedProperties, c.describedParameters, c.bodyExamples, c.okExamples]).toEqual([
      c.properties,
      c.parameters,
      c.bodies,
      c.operations,
    ]);
  });

  it('has only examples and defaults that are valid against their schemas (JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    addFormats(ajv);
    // OpenAPI 3.1's own schema keywords: annotations for a validator.
    ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    // Each case is compiled on its own with the components as $defs, so a $ref resolves without the document around it.
    const toDefs = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
    const $defs = toDefs(doc.components?.schemas ?? {});
    const cases = exampleCases(doc);
    const invalid = cases.flatMap(({ where, schema, value }) => {
      const validate = ajv.compile({ ...toDefs(schema), $defs } as Schema);
      return validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
    // Every operation contributes at least its 200 example.
    expect(cases.length).toBeGreaterThan(operations(doc).length);
  });

  it('has request examples that the routes themselves accept', () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { inputs: { safeParse(v: unknown): { success: boolean; error?: unknown } }[] } }
    >;
    let checked = 0;
    for (const route of restRoutes()) {
      const op = doc.paths?.[route.path]?.[route.method.toLowerCase()] as Operation;
      const media = json(op.requestBody);
      if (!media) continue;
      // Path parameters are part of the procedure's input: take each from its schema's example.
      const params = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema?.example]));
      const bodies = [media.example, ...Object.values(media.examples ?? {}).map((e) => e.value)].filter((b) => b !== undefined);
      for (const body of bodies) {
        const input = procedures[route.procedure]?._def.inputs[0];
        const result = input?.safeParse({ ...(body as object), ...params });
        expect(result?.success, `${route.method} ${route.path}: ${JSON.stringify(result?.error)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
