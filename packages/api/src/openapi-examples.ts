/**
 * Examples on the document's media types. A route declares its request and 200 examples beside
 * its meta (`OperationExamples` in its `.types.ts`); the error answers get a realistic body per
 * status here, so a 401 does not show a 400's example. Media-type examples are what renderers show
 * and what "try it out" sends; test/platform/openapi-examples.test.ts validates each against its schema.
 */
import { type ErrorBody, STATUS_TO_CODE } from '@tenure/contract';
import type { OpenAPIObject } from 'trpc-to-openapi';
import type { MediaExample, TenureMeta } from './meta';
import { restRoutes } from './route-index';

type MediaType = { schema?: unknown } & Partial<Record<'example' | 'examples', unknown>>;
type Operation = {
  parameters?: { name: string; in: string; schema?: { maximum?: number; maxLength?: number } }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
};

const json = (holder: { content?: Record<string, MediaType> } | undefined) => holder?.content?.['application/json'];

export const INVALID_INPUT_EXAMPLE: ErrorBody = {
  code: 'BAD_REQUEST',
  message: 'Invalid input: limit: Too big: expected number to be <=100',
  issues: [{ path: 'limit', message: 'Too big: expected number to be <=100' }],
};

type Answer = Omit<ErrorBody, 'code'>;

const issue = (path: string, message: string): Answer => ({ message: `Invalid input: ${path}: ${message}`, issues: [{ path, message }] });

/** A 400 this operation can really answer: a query limit broken, else a malformed body, else a field too long. */
function invalidInput(op: Operation): Answer {
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const limit = query.find((p) => p.name === 'limit')?.schema?.maximum;
  if (limit !== undefined) return issue('limit', `Too big: expected number to be <=${limit}`);
  if (json(op.requestBody)) return { message: 'Malformed JSON body' };
  const text = query.find((p) => p.schema?.maxLength !== undefined);
  if (text) return issue(text.name, `Too big: expected string to have <=${text.schema?.maxLength} characters`);
  return { message: 'Invalid input' };
}

/** The body a route answers with an error status, with the messages the server really sends. */
function errorExample(status: number, path: string, op: Operation, meta: TenureMeta): ErrorBody {
  const code = STATUS_TO_CODE[status] ?? 'INTERNAL_SERVER_ERROR';
  const messages: Record<string, Answer> = {
    BAD_REQUEST: invalidInput(op),
    UNAUTHORIZED: { message: 'Invalid API key' },
    FORBIDDEN: { message: `Missing permission ${meta.auth?.permission}` },
    NOT_FOUND: {
      message: path.startsWith('/events/') ? 'Event evt_01m8p570wwdt9xyyv9p598d7vz not found' : 'Customer ext_user-42 not found',
    },
    CONFLICT: { message: 'externalId is already used by another customer', reason: 'DUPLICATE_EXTERNAL_ID' },
    PAYLOAD_TOO_LARGE: { message: 'Request body is too large for this path' },
    UNSUPPORTED_MEDIA_TYPE: { message: 'Send the body as application/json' },
    UNPROCESSABLE_CONTENT: { message: 'This Idempotency-Key was used with a different request', reason: 'IDEMPOTENCY_KEY_REUSED' },
    TOO_MANY_REQUESTS: { message: 'Rate limit exceeded for this API key; retry in 1 s' },
    INTERNAL_SERVER_ERROR: { message: 'Internal server error' },
    SERVICE_UNAVAILABLE: { message: 'The database is not reachable' },
  };
  return { code, ...messages[code] } as ErrorBody;
}

function setExample(media: MediaType | undefined, example: MediaExample, where: string): void {
  if (!media) throw new Error(`${where}: an example is declared for a body the operation does not have`);
  Object.assign(media, example);
}

/** Puts every REST route's examples on its JSON media types. */
export function addExamples(doc: OpenAPIObject): void {
  for (const { method, path, meta } of restRoutes()) {
    const op = (doc.paths?.[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
    if (!op) continue;
    const where = `${method} ${path}`;
    if (meta.examples?.request) setExample(json(op.requestBody), meta.examples.request, `${where} request`);
    if (meta.examples) setExample(json(op.responses?.['200']), meta.examples.response, `${where} 200`);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const media = json(response);
      if (Number(status) >= 400 && media) media.example = errorExample(Number(status), path, op, meta);
    }
  }
}
