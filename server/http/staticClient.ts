/** Serves the built client, with index.html for every client-side route. */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from '../context';

export function staticClient(clientDir: string) {
  const app = new Hono<AppEnv>();
  const indexFile = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    return app.get('*', (c) =>
      c.text('The client is not built. Run `npm run build` (npm start does this for you).', 503),
    );
  }
  const root = path.relative(process.cwd(), clientDir) || '.';
  return app
    .use('/assets/*', async (c, next) => {
      await next();
      // Vite puts a content hash in every asset name, so they never change.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    })
    .use('*', serveStatic({ root }))
    .get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(fs.readFileSync(indexFile, 'utf8'));
    });
}
