import { afterAll, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { blockElement } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

/** Unfolds RFC 5545 content lines and groups the VEVENTs into property maps. */
function parseEvents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

test('the secret calendar feed lists reflection moments and action due dates, and parses', async () => {
  const { owner, workspaceId, documentId } = workshop;
  const client = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [
    blockElement('reflection', { id: 'r1', date: '2027-02-10', status: 'planned' }, 'Terugblik na drie maanden, met een heel lange vraag die over de vijfenzeventig tekens heen gaat; en komma, puntkomma'),
    blockElement('action', { id: 'a1', due: '2027-03-01', status: 'open', funding: 'unknown' }, 'Ruimte huren'),
    blockElement('action', { id: 'a2', status: 'open', funding: 'unknown' }, 'Zonder datum'),
  ]);
  await eventually(async () => {
    const actions = await owner.get(`/api/workspaces/${workspaceId}/actions`);
    expect(actions.body.map((a: { blockId: string }) => a.blockId)).toContain('a2');
  });
  client.provider.destroy();

  const feed = await owner.post(`/api/workspaces/${workspaceId}/calendar-feed`);
  expect(feed.status).toBe(201);
  const response = await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, server.origin));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
  const ics = await response.text();
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  const events = parseEvents(ics);
  expect(events).toHaveLength(2);
  const reflection = events.find((e) => e.UID === 'r1@werktafel')!;
  expect(reflection['DTSTART;VALUE=DATE']).toBe('20270210');
  expect(reflection.SUMMARY).toContain('Terugblik na drie maanden');
  expect(reflection.SUMMARY).toContain('\\, puntkomma');
  expect(events.find((e) => e.UID === 'a1-due@werktafel')!['DTSTART;VALUE=DATE']).toBe('20270301');

  // A new link replaces the old one.
  const second = await owner.post(`/api/workspaces/${workspaceId}/calendar-feed`);
  expect((await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, server.origin))).status).toBe(404);
  expect((await fetch(second.body.url.replace(/^https?:\/\/[^/]+/, server.origin))).status).toBe(200);
});

test('a block forged over the socket with CR/LF in its id or text adds no line to the feed: the server gives it a safe id, the text is escaped', async () => {
  const { owner, workspaceId } = workshop;
  const doc = await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Vervalst', template: 'blank' });
  const client = connectProvider(doc.body.id, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  const injectedId = 'r9\r\nATTACH:https://aanvaller.example/factuur.exe\r\nX-NEP:';
  client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [
    blockElement('reflection', { id: injectedId, date: '2027-04-01', status: 'planned' }, 'Vervalst moment'),
    blockElement('action', { id: 'a9', due: '2027-04-02', status: 'open', funding: 'unknown' }, 'Huur\rATTACH:https://aanvaller.example/x.exe\rEND:VEVENT\u0000 betalen'),
  ]);
  // The server renames a block whose id is not in the safe alphabet (blockRecords); were the
  // id kept, the block would be invalid (shared/blocks) and stay out of the feed either way.
  const reflection = await eventually(async () => {
    const rows = (await owner.get(`/api/workspaces/${workspaceId}/reflections`)).body as { documentId: string; blockId: string; valid: boolean }[];
    const ours = rows.find((r) => r.documentId === doc.body.id);
    expect(ours?.blockId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    return ours!;
  });
  expect(reflection.valid).toBe(true);
  await eventually(async () => {
    const actions = await owner.get(`/api/workspaces/${workspaceId}/actions`);
    expect(actions.body.map((a: { blockId: string }) => a.blockId)).toContain('a9');
  });
  client.provider.destroy();

  const feed = await owner.post(`/api/workspaces/${workspaceId}/calendar-feed`);
  const ics = await (await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, server.origin))).text();
  // Every line ends in CRLF and holds no other control character; nothing starts an ATTACH.
  for (const line of ics.split('\r\n')) expect(line).not.toMatch(/[\p{Cc}]/u);
  const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(unfolded.filter((l) => /^(ATTACH|X-NEP)/.test(l))).toEqual([]);
  expect(unfolded.filter((l) => l === 'BEGIN:VEVENT').length).toBe(unfolded.filter((l) => l === 'END:VEVENT').length);

  const events = parseEvents(ics);
  expect(events.some((e) => e.UID?.startsWith('r9'))).toBe(false);
  expect(events.find((e) => e.UID === `${reflection.blockId}@werktafel`)?.SUMMARY).toBe('Reflectiemoment: Vervalst moment');
  const action = events.find((e) => e.UID === 'a9-due@werktafel')!;
  expect(action.SUMMARY).toBe('Actie klaar: Huur\\nATTACH:https://aanvaller.example/x.exe\\nEND:VEVENT betalen');
});
