import { Hono } from 'hono';
import type { Health } from '../../shared/api/http';
import type { AppEnv, Services } from '../context';

export function healthRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    // A trivial query proves the database is open and answering.
    await services.storage.ping();
    return c.json({ ok: true } satisfies Health);
  });
}
