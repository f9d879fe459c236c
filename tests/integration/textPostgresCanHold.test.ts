/**
 * Text that PostgreSQL's `text` cannot hold (U+0000, half a surrogate pair) never reaches a
 * query as a 500: a comment, a step's instruction or what a party said is refused with a field
 * message, and a thread's quote cut from the document (which a client can fill with anything)
 * is stored without it. Runs on both engines (the cluster suite runs it on PostgreSQL).
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

test('a comment, an instruction and what a party said with U+0000 or a lone surrogate are refused per field', async () => {
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'Gewone tekst');
  const text = paragraphText(writer.doc, 0);
  for (const body of ['a\u0000b', 'half \ud83d']) {
    const refused = await workshop.owner.post(`/api/documents/${workshop.documentId}/threads`, { anchor: rangeAnchor(text, 0, 6), body });
    expect(refused.status, JSON.stringify(body)).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(['body']);
  }
  const started = await eventually(async () => {
    const ok = await workshop.owner.post(`/api/documents/${workshop.documentId}/threads`, { anchor: rangeAnchor(text, 0, 6), body: 'Regel een\nregel twee\tmet tab' });
    expect(ok.status).toBe(201);
    return ok;
  });
  expect((await workshop.owner.post(`/api/threads/${started.body.id}/comments`, { body: 'x\u0000' })).status).toBe(400);

  const session = await startedSession(workshop);
  const steps = session.steps.map((s) => ({ id: s.id, title: s.title, instruction: s.instruction, minutes: s.minutes, kind: s.kind }));
  steps[0] = { ...steps[0]!, instruction: 'Welkom\u0000' };
  const badSteps = await workshop.owner.patch(`/api/sessions/${session.id}`, { steps });
  expect(badSteps.status).toBe(400);
  expect(Object.keys(badSteps.body.error.fields)).toEqual(['steps.0.instruction']);
});

test('a quote over text with U+0000 and an emoji at the cut is stored whole-charactered and without it', async () => {
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  // U+0000 (a client may write it) among 499 letters, then an emoji as the 500th character.
  appendParagraph(writer.doc, `${'a'.repeat(10)}\u0000${'b'.repeat(489)}😀 en verder`);
  const texts = writer.doc.getXmlFragment('default').length;
  const text = paragraphText(writer.doc, texts - 1);
  const created = await eventually(async () => {
    const ok = await workshop.owner.post(`/api/documents/${workshop.documentId}/threads`, { anchor: rangeAnchor(text, 0, text.length), body: 'Te lang?' });
    expect(ok.status).toBe(201);
    return ok;
  });
  const listed = await workshop.owner.get(`/api/documents/${workshop.documentId}/threads`);
  const quote = (listed.body as { id: string; quote: string }[]).find((t) => t.id === created.body.id)!.quote;
  expect(quote).not.toContain('\u0000');
  expect(quote.endsWith('😀')).toBe(true);
  expect(Array.from(quote)).toHaveLength(500);
});
