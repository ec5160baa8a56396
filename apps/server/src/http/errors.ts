/** Fastify's own errors (malformed JSON, body too large, wrong content type, unknown path) in REST.md's body. */
import { errorBody, toAppError } from '@tenure/api';
import { AppError, STATUS_TO_CODE } from '@tenure/contract';
import type { FastifyError, FastifyInstance } from 'fastify';
import { wantsSpaFallback } from './spa';

function fromFastify(error: FastifyError): AppError {
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new AppError('BAD_REQUEST', 'Malformed JSON body');
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large for this path');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  if (status === 429) return new AppError('TOO_MANY_REQUESTS', error.message);
  if (status >= 400 && status < 500) {
    return new AppError(STATUS_TO_CODE[status] ?? 'BAD_REQUEST', error.message);
  }
  return toAppError(error);
}

/** Before any route: routes capture the error handler of their instance when they are added. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastify(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(appError.status).type('application/json').send(errorBody(appError));
  });
}

/** After the routes: unknown paths get the JSON 404, or the SPA for browser navigations. */
export function registerNotFound(app: FastifyInstance, opts: { spa: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (opts.spa && wantsSpaFallback(request)) return reply.type('text/html').sendFile('index.html');
    void reply.status(404).send(errorBody(new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`)));
  });
}
