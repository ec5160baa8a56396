/**
 * Request bodies (REST.md "Body"): JSON only (every other content type, and a body without one,
 * is refused with 415); an empty body is `{}`; `__proto__` keys and JSON nested deeper than 64
 * levels are refused with 400 before anything reads the value (JSON.stringify recurses). The
 * parser leaves `__proto__` in place so the answer can name its path.
 */
import { AppError, jsonProblem } from '@tenure/contract';
import type { FastifyInstance } from 'fastify';

export function registerBodyParsing(app: FastifyInstance): void {
  // Fastify parses text/plain by default; nothing of ours takes it.
  app.removeAllContentTypeParsers();
  const defaultJson = app.getDefaultJsonParser('ignore', 'ignore');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, {});
    defaultJson(request, body as string, (error, value) => {
      if (error) return done(error);
      const problem = jsonProblem(value);
      if (!problem) return done(null, value);
      const issues = problem.kind === 'proto' ? [{ path: problem.path, message: problem.message }] : undefined;
      done(new AppError('BAD_REQUEST', problem.message, { issues }));
    });
  });
}
