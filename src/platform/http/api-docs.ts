// The API documentation page, served by Sapa itself from the bundled swagger-ui-dist package: no
// CDN, so the page works on a closed network. The assets are read once and cached by the browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Api } from './env.ts';

export const API_DOCS_ASSETS = '/assets/swagger-ui';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

// The start-up script is a file of its own (not inline) so a strict Content-Security-Policy can allow 'self' only.
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
};
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sapa API</title>
<link rel="stylesheet" href="${API_DOCS_ASSETS}/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="${API_DOCS_ASSETS}/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_ASSETS}/initializer.js"></script>
</body>
</html>
`;

const distDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export function registerApiDocs(app: Api): void {
  const cache = new Map<string, string>();
  const asset = (name: string) => {
    let body = cache.get(name);
    if (body === undefined) {
      body = readFileSync(join(distDir(), name), 'utf8');
      cache.set(name, body);
    }
    return body;
  };
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get(`${API_DOCS_ASSETS}/initializer.js`, (c) => c.body(INITIALIZER, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  for (const [name, type] of Object.entries(ASSETS)) {
    app.get(`${API_DOCS_ASSETS}/${name}`, (c) => c.body(asset(name), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }));
  }
}
