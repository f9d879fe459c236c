/**
 * Server B: Hocuspocus 3.4 as installed, with its defaults (debounce 2 s, max 10 s).
 * B0 without extensions. B1 when `HOCUSPOCUS_SQLITE` names a file: the stock `Database`
 * extension (`@hocuspocus/extension-database`) with fetch/store over better-sqlite3, in WAL
 * mode with synchronous=NORMAL like ours, one row per document holding the merged state.
 * (`@hocuspocus/extension-sqlite` was not used: it needs the `sqlite3` native module built
 * from source, not the better-sqlite3 the project ships.)
 * Env: PORT. Prints "listens on" when ready.
 */
import { Database as DatabaseExtension } from '@hocuspocus/extension-database';
import { Server, type Extension } from '@hocuspocus/server';
import Sqlite from 'better-sqlite3';

const port = Number(process.env.PORT);
const sqlitePath = process.env.HOCUSPOCUS_SQLITE;
const extensions: Extension[] = [];

if (sqlitePath) {
  const db = new Sqlite(sqlitePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?');
  const upsert = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data');
  extensions.push(
    new DatabaseExtension({
      fetch: async ({ documentName }) => {
        const row = select.get(documentName);
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state);
      },
    }),
  );
}

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  // The harness stops it with SIGTERM; Hocuspocus' own handler would store then exit.
  stopOnSignals: true,
  extensions,
});
await server.listen();
console.info(`hocuspocus listens on 127.0.0.1:${port} (${sqlitePath ? 'B1 sqlite' : 'B0 memory'})`);
