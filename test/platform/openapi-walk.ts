/**
 * Walks an OpenAPI 3.1 document for the documentation tests: its operations, every schema object
 * in it, what is described, and every example with the schema it must satisfy. Pure functions of
 * the document, so a script can measure any document (an older build included) the same way.
 */

export type Schema = { [key: string]: unknown };
type Named = Record<string, { value?: unknown }>;
export type Media = { schema?: Schema; example?: unknown; examples?: Named };
type Parameter = { name: string; in: string; description?: string; schema?: Schema; example?: unknown; examples?: Named };
export type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
export type OpenApiDoc = { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export function operations(doc: OpenApiDoc): { where: string; method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => isObject(item[m])).map((method) => ({
      where: `${method.toUpperCase()} ${path}`,
      method,
      path,
      op: item[method] as Operation,
    })),
  );
}

/** The JSON media type of a request body or a response, if it has one. */
export const json = (holder: { content?: Record<string, Media> } | undefined) => holder?.content?.['application/json'];

// JSON Schema 2020-12 keywords whose values are schemas, a list of schemas, or a map of them.
const ONE = ['items', 'additionalProperties', 'not', 'propertyNames', 'contains', 'if', 'then', 'else', 'unevaluatedProperties'];
const LIST = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Every schema object under `schema`, itself included; `$ref`s are not followed (their targets are roots). */
export function* schemaNodes(schema: unknown, where: string): Generator<{ schema: Schema; where: string }> {
  if (!isObject(schema)) return;
  yield { schema, where };
  for (const k of ONE) yield* schemaNodes(schema[k], `${where}.${k}`);
  for (const k of LIST) {
    const list = schema[k];
    if (Array.isArray(list)) for (const [i, s] of list.entries()) yield* schemaNodes(s, `${where}.${k}[${i}]`);
  }
  for (const k of MAP) {
    const map = schema[k];
    if (isObject(map)) for (const [name, s] of Object.entries(map)) yield* schemaNodes(s, `${where}.${k}.${name}`);
  }
}

/** Every schema root: each component once, and each inline schema of a parameter, request body or response. */
export function schemaRoots(doc: OpenApiDoc): { schema: Schema; where: string }[] {
  const roots = Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({ schema, where: name }));
  for (const { where, op } of operations(doc)) {
    for (const p of op.parameters ?? []) if (p.schema) roots.push({ schema: p.schema, where: `${where} ${p.in} ${p.name}` });
    const body = json(op.requestBody)?.schema;
    if (body) roots.push({ schema: body, where: `${where} body` });
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const schema = json(response)?.schema;
      if (schema) roots.push({ schema, where: `${where} ${status}` });
    }
  }
  return roots;
}

const componentOf = (doc: OpenApiDoc, ref: unknown) =>
  typeof ref === 'string' ? doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] : undefined;

export interface Coverage {
  properties: number;
  describedProperties: number;
  parameters: number;
  describedParameters: number;
  /** Operations that take a JSON body, and those whose body has an example. */
  bodies: number;
  bodyExamples: number;
  operations: number;
  okExamples: number;
  /** Where something is missing, e.g. `GET /customers 200.properties.page: description`. */
  missing: string[];
}

const hasMediaExample = (media: Media | undefined) => media?.example !== undefined || Object.keys(media?.examples ?? {}).length > 0;

/**
 * A property counts as described when it has a description or is a `$ref` to a described
 * component (renderers show the component's). Parameters need their own description.
 */
export function coverage(doc: OpenApiDoc): Coverage {
  const c: Coverage = {
    properties: 0,
    describedProperties: 0,
    parameters: 0,
    describedParameters: 0,
    bodies: 0,
    bodyExamples: 0,
    operations: 0,
    okExamples: 0,
    missing: [],
  };
  for (const root of schemaRoots(doc)) {
    for (const { schema, where } of schemaNodes(root.schema, root.where)) {
      if (!isObject(schema.properties)) continue;
      for (const [name, property] of Object.entries(schema.properties)) {
        c.properties++;
        const p = property as Schema;
        if (p.description || componentOf(doc, p.$ref)?.description) c.describedProperties++;
        else c.missing.push(`${where}.properties.${name}: description`);
      }
    }
  }
  for (const { where, op } of operations(doc)) {
    c.operations++;
    for (const p of op.parameters ?? []) {
      c.parameters++;
      if (p.description) c.describedParameters++;
      else c.missing.push(`${where} parameter ${p.name}: description`);
    }
    const body = json(op.requestBody);
    if (body) {
      c.bodies++;
      if (hasMediaExample(body)) c.bodyExamples++;
      else c.missing.push(`${where} request body: example`);
    }
    if (hasMediaExample(json(op.responses?.['200']))) c.okExamples++;
    else c.missing.push(`${where} 200: example`);
  }
  return c;
}

export interface ExampleCase {
  where: string;
  schema: Schema;
  value: unknown;
}

function* mediaCases(media: Media | undefined, where: string): Generator<ExampleCase> {
  if (!media?.schema) return;
  if (media.example !== undefined) yield { where: `${where} example`, schema: media.schema, value: media.example };
  for (const [name, e] of Object.entries(media.examples ?? {}))
    yield { where: `${where} examples.${name}`, schema: media.schema, value: e.value };
}

/** Every example in the document (media types, parameters, schema `example`/`examples`) and every `default`. */
export function exampleCases(doc: OpenApiDoc): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const { where, op } of operations(doc)) {
    cases.push(...mediaCases(json(op.requestBody), `${where} request`));
    for (const [status, response] of Object.entries(op.responses ?? {})) cases.push(...mediaCases(json(response), `${where} ${status}`));
    for (const p of op.parameters ?? []) cases.push(...mediaCases(p, `${where} parameter ${p.name}`));
  }
  for (const root of schemaRoots(doc)) {
    for (const { schema, where } of schemaNodes(root.schema, root.where)) {
      if (schema.example !== undefined) cases.push({ where: `${where} example`, schema, value: schema.example });
      if (Array.isArray(schema.examples))
        for (const [i, value] of schema.examples.entries()) cases.push({ where: `${where} examples[${i}]`, schema, value });
      if (schema.default !== undefined) cases.push({ where: `${where} default`, schema, value: schema.default });
    }
  }
  return cases;
}
