import type { Kysely } from 'kysely';
import type { Tables } from '../schema';

/** The query builder every repository is written against, whatever the engine. */
export type Db = Kysely<Tables>;

/** COUNT(*) comes back as a number from SQLite and as a string from PostgreSQL. */
export const toCount = (value: unknown): number => Number(value ?? 0);
