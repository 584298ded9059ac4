/**
 * Serves the web workbench (`dist/web`, built by `npm run build:web`) at `/`: files by path with
 * their content type, hashed assets cached for a year, and `index.html` for every other GET
 * outside `/api` so the app's own routes (e.g. `/rooms/ukraine-2025`) survive a reload. When the
 * build is missing, a plain page says how to make it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from './context.js';

/** `<package root>/dist/web`: the same from `src/server/` (tsx) and `dist/server/` (built). */
export const defaultWebDir = (): string => fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const MISSING = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Concord workbench</title>
<main><h1>Concord workbench</h1><p>The web app is not built. Run <code>npm run build:web</code> in the
package folder (<code>npm install</code> does it too), then reload this page.</p>
<p>The API works without it: <a href="/api/openapi.json">/api/openapi.json</a>, see docs/server.md.</p></main></html>`;

export interface WebOptions {
  /** The built web app; default `dist/web` of this package. */
  readonly webDir?: string;
}

/** Registers the static routes last, after every `/api` route. */
export function registerWebRoutes(app: App, dir: string = defaultWebDir()): void {
  const root = normalize(dir);
  const file = (path: string): string | undefined => {
    const p = normalize(join(root, decodeURIComponent(path)));
    // Never outside the build folder (`..` in the path).
    if (p !== root && !p.startsWith(root + sep)) return undefined;
    return existsSync(p) && statSync(p).isFile() ? p : undefined;
  };
  app.get('*', (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path === '/api' || path.startsWith('/api/')) return next();
    const index = file('index.html');
    if (!index) return c.html(MISSING, 200, { 'cache-control': 'no-store' });
    const found = path === '/' ? undefined : file(path);
    if (found) {
      // Vite names built assets by content hash: they never change under their name.
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(found), 200, {
        'content-type': TYPES[extname(found)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      });
    }
    // A missing asset is a 404; any other path is a route of the app.
    if (path.startsWith('/assets/') || extname(path) !== '') return next();
    return c.body(readFileSync(index), 200, {
      'content-type': TYPES['.html'] as string,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  });
}
