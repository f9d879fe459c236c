import type { Db } from './database';
import { newId } from './ids';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export function createUserRepo(db: Db) {
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    findByEmail: (email: string) => byEmail.get(email),
    findById: (id: string) => byId.get(id),
    /** Returns null when the email is taken. */
    create(input: { email: string; name: string; passwordHash: string }): UserRow | null {
      const row: UserRow = {
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        created_at: Date.now(),
      };
      try {
        insert.run(row.id, row.email, row.name, row.password_hash, row.created_at);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
        throw error;
      }
      return row;
    },
  };
}
export type UserRepo = ReturnType<typeof createUserRepo>;
