/**
 * The OpenAPI 3.1 document for /api/v1, generated from the router's meta and post-processed so
 * every documented error is REST.md's real error body.
 */
import { ERROR_CODES } from '@tenure/contract';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { addExamples, INVALID_INPUT_EXAMPLE } from './openapi-examples';
import { appRouter } from './router';

const TAGS = [
  { name: 'Customers', description: 'Customers: identify, upsert, list, retrieve' },
  { name: 'Events', description: 'Events: ingest, list, retrieve, delete' },
  { name: 'Segments', description: 'Segments: rule-based customer groups, estimates, members and their changes' },
  { name: 'Analytics', description: 'Analytics: attribution of revenue to campaigns, reports over time, health-score calibration' },
];

const ERROR_SCHEMA = {
  type: 'object',
  description: 'The error body of every failed request',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', enum: ERROR_CODES, description: 'Error code; one per HTTP status' },
    message: { type: 'string', description: 'Human-readable explanation' },
    issues: {
      type: 'array',
      description: 'Validation issues (with 400), each naming a dotted path from the request root; omitted otherwise',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'Dotted path, e.g. customers.3.attributes.bio' },
          message: { type: 'string', description: 'What is wrong there' },
        },
      },
    },
    reason: {
      type: 'string',
      description: 'Domain reason when there is one (DUPLICATE_EXTERNAL_ID, SUPPRESSED, IDEMPOTENCY_KEY_REUSED, …); omitted otherwise',
    },
  },
  example: INVALID_INPUT_EXAMPLE,
} as const;

type Operation = {
  responses?: Record<string, { description?: string; content?: unknown }>;
  parameters?: { description?: string; schema?: { description?: string } }[];
};

export function buildOpenApiDocument(opts: { serverUrl?: string } = {}): OpenAPIObject {
  const doc = generateOpenApiDocument(appRouter, {
    title: 'Tenure API',
    version: '1.0.0',
    description:
      'Customer analytics and retention: customers, events, journeys, cohorts, LTV, attribution and reports. Authenticate with an API key as `Authorization: Bearer <key>` (or `x-api-key`). Every error answers `{ code, message, issues?, reason? }`.',
    contact: { name: 'Tenure maintainers', url: 'https://github.com/tenure-analytics/tenure' },
    license: { name: 'MIT', identifier: 'MIT' },
    baseUrl: opts.serverUrl ?? '/api/v1',
    tags: TAGS.map((t) => t.name),
    securitySchemes: {
      Authorization: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'sk_live_… / sk_test_… / pk_live_… / pk_test_…',
        description: 'A Tenure API key',
      },
    },
  });
  doc.tags = TAGS;
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Error: ERROR_SCHEMA as never };
  for (const pathItem of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(pathItem as Record<string, Operation>)) {
      // A description given on a schema with a default stays on the schema: lift it to the parameter.
      for (const param of op.parameters ?? []) param.description ??= param.schema?.description;
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) < 400) continue;
        op.responses![status] = {
          description: response.description ?? 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
    }
  }
  // trpc-to-openapi registers one schema per error code; the real body is the single Error schema.
  for (const name of Object.keys(doc.components.schemas)) {
    if (name.startsWith('error.')) delete doc.components.schemas[name];
  }
  addExamples(doc);
  return doc;
}
