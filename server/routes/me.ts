import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { requireUser } from '../http/session';
import { presentUser } from '../presenters';

export function meRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => c.json(presentUser(requireUser(c))));
}
