/** The built SPA at /, and the history fallback rule (unknown GETs for HTML outside the API). */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const API_PREFIXES = ['/api/', '/trpc', '/healthz', '/readyz'];

export async function registerSpa(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(`${webDist}/index.html`)) return false;
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  return true;
}

/** True when a request that matched no route should get the SPA's index.html. */
export function wantsSpaFallback(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  if (API_PREFIXES.some((p) => request.url.startsWith(p))) return false;
  return request.headers.accept?.includes('text/html') ?? false;
}
