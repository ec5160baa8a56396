/** /api/v1/openapi.json and an offline docs page at /api/docs (swagger-ui-dist from node_modules). */
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { buildOpenApiDocument } from '@tenure/api';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Tenure API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  <style>body { margin: 0 } .topbar { display: none }</style>
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: true });`;

export async function registerDocs(app: FastifyInstance): Promise<void> {
  const document = buildOpenApiDocument();
  const json = JSON.stringify(document);
  app.get('/api/v1/openapi.json', async (_req, reply) => reply.type('application/json').send(json));
  const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  await app.register(fastifyStatic, { root: swaggerDir, prefix: '/api/docs/assets/', decorateReply: false });
  app.get('/api/docs', async (_req, reply) => reply.type('text/html').send(DOCS_HTML));
  app.get('/api/docs/init.js', async (_req, reply) => reply.type('application/javascript').send(INIT_JS));
}
