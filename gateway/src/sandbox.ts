import express from 'express';
import type { Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Built by `npm run build:sandbox -w @hub/gateway` (gateway/sandbox/build.mjs). */
const assetDir = resolve(__dirname, '..', 'dist', 'sandbox');
const hashedAsset = /-[A-Z0-9]{8}\.(js|css|ttf)$/;

/** Only the hub itself: proves the page loads nothing from a CDN. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Monaco and GraphiQL set inline styles
  "img-src 'self' data:",
  "font-src 'self' data:", // GraphiQL's stylesheet embeds its fonts
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serialises data for a `<script type="application/json">` block: no `<` can close it. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The GraphQL sandbox (GraphiQL, bundled into the hub: nothing from outside). Serves the page at
 * `GET /`, and at `GET <endpoint>` for browsers (accepts text/html, no `query` parameter), and its
 * assets under `/sandbox/`. Mount it before the GraphQL middleware.
 */
export function sandboxRouter(options: { endpoint: string; exampleQuery: string }): express.Router {
  const router = express.Router();
  const config = jsonForHtml({ endpoint: options.endpoint, exampleQuery: options.exampleQuery });
  let template: string | undefined;

  function sendPage(req: Request, res: Response): void {
    const templatePath = join(assetDir, 'index.html');
    if (template === undefined && existsSync(templatePath)) template = readFileSync(templatePath, 'utf8');
    if (template === undefined) {
      res.status(503).type('text/plain').send('The sandbox is not built: run `npm run build:sandbox -w @hub/gateway`.\n');
      return;
    }
    const assets = `${req.baseUrl}/sandbox/`;
    res
      .set('Content-Security-Policy', contentSecurityPolicy)
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(template.replaceAll('%ASSETS%', () => assets).replace('%CONFIG%', () => config));
  }

  router.get(['/', '/sandbox/', '/sandbox/index.html'], sendPage);
  router.get(options.endpoint, (req, res, next) => {
    const wantsPage = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (wantsPage && !('query' in req.query)) sendPage(req, res);
    else next();
  });
  router.use(
    '/sandbox',
    express.static(assetDir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return router;
}
