/**
 * Security headers on every response, from helmet. Helmet's headers do not depend on the request,
 * so its middleware runs once at startup against a recorder and every response then gets the
 * recorded set in one `reply.headers()` (@fastify/helmet rebuilt the middleware, parsing every
 * CSP directive, on each request, ~4 % of a keyed read; running it per request still cost a dozen
 * `setHeader` calls through helmet's middleware chain).
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: opts.hsts,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  apply({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  if (Object.keys(headers).length === 0) throw new Error('helmet set no headers');
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
