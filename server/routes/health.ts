import { Hono } from 'hono';
import type { Health } from '../../shared/api/http';
import type { AppEnv, Services } from '../context';

export function healthRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    // A trivial query proves the database is open and answering.
    services.repos.db.prepare('SELECT 1').get();
    return c.json({ ok: true } satisfies Health);
  });
}
