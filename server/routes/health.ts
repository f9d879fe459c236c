import { Hono } from 'hono';
import type { Health, Readiness } from '../../shared/api/http';
import type { AppEnv, Services } from '../context';
import { describeError } from '../support/log';

export function healthRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    // A trivial query proves the database is open and answering.
    await services.storage.ping();
    return c.json({ ok: true } satisfies Health);
  });
}

/**
 * `GET /api/ready`, for a load balancer or an orchestrator: may this instance take traffic?
 * The database answers and holds every migration this build knows. Unlike `/api/health` it
 * answers 503 with what failed instead of an error.
 */
export function readinessRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok' };
    try {
      await services.storage.ping();
    } catch (error) {
      checks.database = 'failed';
      services.logger.warn('readiness: the database does not answer', { component: 'http', ...describeError(error) });
    }
    try {
      const { applied, known } = await services.storage.migrations();
      if (applied < known) checks.migrations = 'pending';
    } catch {
      checks.migrations = 'failed';
    }
    const ready = checks.database === 'ok' && checks.migrations === 'ok';
    c.header('Cache-Control', 'no-store');
    return c.json({ ready, checks } satisfies Readiness, ready ? 200 : 503);
  });
}
