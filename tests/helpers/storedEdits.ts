/**
 * An edit made through a connected client that a test must see stored before it asks the
 * server about it (a version, a diff, an export). The server stores before it relays, so the
 * document's log growing by the edit's updates is the signal.
 */
import { expect } from 'vitest';
import type * as Y from 'yjs';
import { storedRows, type WithSqlite } from './collab';
import { eventually } from './providers';

/** Runs `edit` on `doc`; resolves once the log holds `updates` more rows (one per Yjs transaction). */
export async function editAndWaitStored(server: WithSqlite, documentId: string, doc: Y.Doc, edit: (doc: Y.Doc) => void, updates = 1, timeoutMs = 10_000): Promise<void> {
  const before = storedRows(server, documentId).updates.length;
  edit(doc);
  await eventually(() => expect(storedRows(server, documentId).updates.length).toBeGreaterThanOrEqual(before + updates), timeoutMs);
}
