/**
 * A value no editor writes (an object whose `toString` is a number) once slipped past every
 * check: it hid an edited example from the registers and then kept the document from loading
 * for everyone. Now the update that carries it is refused on its own socket, before it touches
 * the document. Real server, real SQLite file, real y-websocket clients, a raw socket.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedDoc, storedRows } from '../helpers/collab';
import { syncUpdateFrame } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
let editorCookie: string | null;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editorCookie = (await addMember(workshop, server.origin, 'editor', 'Schrijver')).cookie;
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

function firstAction(doc: Y.Doc): Y.XmlElement {
  const walk = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement | undefined => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'action') return child;
      const inner = walk(child);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  if (!found) throw new Error('no action in the document');
  return found;
}

/** The update that edits the first action's text and sets `attribute` to `value` in one go. */
function editActionUpdate(documentId: string, attribute: string, value: unknown): Uint8Array {
  const doc = storedDoc(server, documentId);
  const before = Y.encodeStateVector(doc);
  const action = firstAction(doc);
  const paragraph = action.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement)!;
  (paragraph.toArray()[0] as Y.XmlText).insert(0, 'Wij betalen 1 miljoen. ');
  action.setAttribute(attribute, value as string);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

async function sendOnRawSocket(documentId: string, update: Uint8Array): Promise<number | null> {
  const raw = await openRawSocket(server.origin, documentId, editorCookie);
  raw.socket.send(syncUpdateFrame(update));
  let timer: NodeJS.Timeout | undefined;
  const stillOpen = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), 3_000);
  });
  const code = await Promise.race([raw.closed.then((c) => c.code), stillOpen]);
  clearTimeout(timer);
  raw.socket.terminate();
  return code;
}

test('a value that is not plain data closes only that socket; the example stays as it was and the document still loads', async () => {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Plan', template: 'plan-van-aanpak' });
  const documentId = created.body.id as string;
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(watcher.provider);
  const watcherCodes = recordCloseCodes(watcher.provider);
  const before = storedRows(server, documentId);

  expect(await sendOnRawSocket(documentId, editActionUpdate(documentId, 'funding', { toString: 1 }))).toBe(CloseCode.updateRejected);

  expect(storedRows(server, documentId)).toEqual(before);
  expect(watcherCodes).toEqual([]);
  expect(firstAction(watcher.doc).toString()).not.toContain('miljoen');
  // The room unloads and loads again: the document is served, the example still marked.
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  const late = pool.connect(documentId, { cookie: editorCookie, origin: server.origin });
  await waitForSync(late.provider);
  expect(firstAction(late.doc).getAttribute('example') as unknown).toBe(true);
  expect(late.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()).not.toContain('miljoen');
});

test('the same edit with a plain value is taken, and clears the example mark', async () => {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Plan', template: 'plan-van-aanpak' });
  const documentId = created.body.id as string;
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(watcher.provider);

  expect(await sendOnRawSocket(documentId, editActionUpdate(documentId, 'funding', 'requested'))).toBeNull();

  await eventually(() => {
    expect(firstAction(watcher.doc).toString()).toContain('miljoen');
    expect(firstAction(watcher.doc).getAttribute('example') as unknown).not.toBe(true);
  });
});
