import express from 'express';
import type { Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Built by gateway/dashboard/build.mjs (part of `npm run build`). */
const builtDir = resolve(__dirname, '..', 'dist', 'dashboard');
const hashedAsset = /-[A-Z0-9]{8}\.(js|css)$/;

/** Only the hub itself: the page loads nothing from outside, and sends its queries nowhere else. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The web dashboard (gateway/dashboard/**, bundled: nothing from outside). Serves the page at
 * `GET /dashboard` and its assets under `/dashboard/assets/`. The page is static: it queries
 * `endpoint` from the browser with the caller's own token, like any outside dashboard.
 */
export function dashboardRouter(options: { endpoint: string }): express.Router {
  const router = express.Router();
  let template: string | undefined;

  function sendPage(req: Request, res: Response): void {
    const templatePath = join(builtDir, 'page.html');
    if (template === undefined && existsSync(templatePath)) template = readFileSync(templatePath, 'utf8');
    if (template === undefined) {
      res.status(503).type('text/plain').send('The dashboard is not built: run `npm run build`.\n');
      return;
    }
    const assets = `${req.baseUrl}/dashboard/assets/`;
    const endpoint = escapeAttribute(`${req.baseUrl}${options.endpoint}`);
    res
      .set('Content-Security-Policy', contentSecurityPolicy)
      .set('Referrer-Policy', 'no-referrer')
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(template.replaceAll('%ASSETS%', () => assets).replace('%ENDPOINT%', () => endpoint));
  }

  router.get(['/dashboard', '/dashboard/'], sendPage);
  router.use(
    '/dashboard/assets',
    express.static(join(builtDir, 'assets'), {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return router;
}
