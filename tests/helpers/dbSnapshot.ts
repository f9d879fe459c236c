/**
 * The whole SQLite database as comparable text: every row of every table, sorted. Used to
 * prove that a refused request changed nothing at all, and that an allowed one changed only
 * the tables it should.
 */
import type Database from 'better-sqlite3';

export type DbSnapshot = Map<string, string[]>;

function cell(value: unknown): unknown {
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return value;
}

export function snapshotDb(db: Database.Database): DbSnapshot {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name);
  const snapshot: DbSnapshot = new Map();
  for (const table of tables) {
    const rows = db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).all();
    snapshot.set(
      table,
      rows.map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, cell(v)]))).sort(),
    );
  }
  return snapshot;
}

export interface TableChange {
  table: string;
  added: string[];
  removed: string[];
}

/** Tables whose rows differ, with the rows that appeared and disappeared (shortened). */
export function diffDb(before: DbSnapshot, after: DbSnapshot): TableChange[] {
  const changes: TableChange[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table) ?? [];
    const b = after.get(table) ?? [];
    const inA = new Set(a);
    const inB = new Set(b);
    const added = b.filter((r) => !inA.has(r));
    const removed = a.filter((r) => !inB.has(r));
    if (added.length || removed.length) {
      const short = (rows: string[]) => rows.slice(0, 3).map((r) => (r.length > 200 ? `${r.slice(0, 200)}…` : r));
      changes.push({ table, added: short(added), removed: short(removed) });
    }
  }
  return changes;
}
