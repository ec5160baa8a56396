/**
 * /api/v1/openapi.json and an offline docs page at /api/docs, rendered by swagger-ui-dist from
 * node_modules. Only the two files the page needs are served (no stock index, package.json or
 * source maps), and keys pasted into the page are not kept in localStorage.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: false });`;

/** The page's assets, read once, without their source-map references (the maps are not served). */
function assets(): Record<string, { type: string; body: string }> {
  const dir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8').replace(/\n?\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n');
  return {
    'swagger-ui.css': { type: 'text/css; charset=utf-8', body: read('swagger-ui.css') },
    'swagger-ui-bundle.js': { type: 'application/javascript; charset=utf-8', body: read('swagger-ui-bundle.js') },
  };
}

export async function registerDocs(app: FastifyInstance): Promise<void> {
  const json = JSON.stringify(buildOpenApiDocument());
  app.get('/api/v1/openapi.json', async (_req, reply) => reply.type('application/json').send(json));
  for (const [file, asset] of Object.entries(assets())) {
    app.get(`/api/docs/assets/${file}`, async (_req, reply) =>
      reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body),
    );
  }
  app.get('/api/docs', async (_req, reply) => reply.type('text/html').send(DOCS_HTML));
  app.get('/api/docs/init.js', async (_req, reply) => reply.type('application/javascript').send(INIT_JS));
}
