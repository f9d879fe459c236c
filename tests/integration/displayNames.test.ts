/**
 * Names and titles people read in lists, exports and calendars (issue 12 item 8): one made of
 * control characters, with a direction override, or of nothing visible gets 400 with a message
 * on its field, at every endpoint that accepts one, and nothing is stored. Real names in other
 * scripts, with accents or with emoji pass.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, buildWorkshop, type ApiResponse, type Json, type Workshop } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

const scalar = (sql: string, ...params: unknown[]) => Object.values(sqlGet(server, sql, ...params)!)[0];

interface Endpoint {
  field: string;
  send(value: string): Promise<ApiResponse<Json>>;
  /** What the server holds for this field now (a count or the current value). */
  stored(): unknown;
}

const endpoints: Record<string, Endpoint> = {
  'POST /api/auth/signup (name)': {
    field: 'name',
    send: (value) => new ApiClient(server.origin).post('/api/auth/signup', { email: `naam-${Date.now()}-${Math.random()}@example.nl`, password: 'een-lang-wachtwoord', name: value }),
    stored: () => scalar('SELECT COUNT(*) FROM users'),
  },
  'POST /api/workspaces (name)': {
    field: 'name',
    send: (value) => workshop.owner.post('/api/workspaces', { name: value }),
    stored: () => scalar('SELECT COUNT(*) FROM workspaces'),
  },
  'PATCH /api/workspaces/:id (name)': {
    field: 'name',
    send: (value) => workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}`, { name: value }),
    stored: () => scalar('SELECT name FROM workspaces WHERE id = ?', workshop.workspaceId),
  },
  'POST /api/workspaces/:id/parties (name)': {
    field: 'name',
    send: (value) => workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: value, kind: 'residents' }),
    stored: () => scalar('SELECT COUNT(*) FROM parties'),
  },
  'PATCH /api/workspaces/:id/parties/:partyId (name)': {
    field: 'name',
    send: (value) => workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/parties/${workshop.partyId}`, { name: value }),
    stored: () => scalar('SELECT name FROM parties WHERE id = ?', workshop.partyId),
  },
  'POST /api/workspaces/:id/documents (title)': {
    field: 'title',
    send: (value) => workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: value, template: 'blank' }),
    stored: () => scalar('SELECT COUNT(*) FROM documents'),
  },
  'PATCH /api/documents/:id (title)': {
    field: 'title',
    send: (value) => workshop.owner.patch(`/api/documents/${workshop.documentId}`, { title: value }),
    stored: () => scalar('SELECT title FROM documents WHERE id = ?', workshop.documentId),
  },
  'POST /api/documents/:id/versions (label)': {
    field: 'label',
    // A document of its own per label: an unchanged document keeps its last version.
    send: async (value) => {
      const document = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Versies', template: 'blank' });
      return workshop.owner.post(`/api/documents/${document.body.id}/versions`, { label: value });
    },
    stored: () => scalar('SELECT COUNT(*) FROM document_versions'),
  },
};

const refused: [string, string, RegExp][] = [
  ['a line break', 'Gemeente\nUtrecht', /regeleinden of andere stuurtekens/],
  ['a carriage return', 'Gemeente\rATTACH:x', /regeleinden of andere stuurtekens/],
  ['a NUL', 'Gemeente\u0000', /stuurtekens/],
  ['an escape sequence', 'Gemeente \u001b[31mrood', /stuurtekens/],
  ['a C1 control', 'Gemeente\u0085Utrecht', /stuurtekens/],
  ['a line separator', 'Gemeente\u2028Utrecht', /stuurtekens/],
  ['a right-to-left override', 'Factuur\u202Efdp.exe', /leesrichting/],
  ['a left-to-right isolate', 'Gemeente \u2066Utrecht\u2069', /leesrichting/],
  ['only zero-width spaces', '\u200B\u200B', /^(Vul een naam in|Geef het document een titel|Geef de versie een naam)\.$/],
  ['only a zero-width joiner and a word joiner', ' \u200D\u2060 ', /^(Vul een naam in|Geef het document een titel|Geef de versie een naam)\.$/],
  ['only fillers and no-break spaces', '\u3164\u00A0\u2800', /^(Vul een naam in|Geef het document een titel|Geef de versie een naam)\.$/],
];

const accepted = ['Stichting Al Amal – مؤسسة الأمل', 'Zoë van ’t Hoff-Ağaoğlu', 'Buurtteam 👩‍👩‍👧 Oost', '社区中心'];

describe.each(Object.entries(endpoints))('%s', (_name, endpoint) => {
  test.each(refused)('a name with %s gets 400 on its field and changes nothing', async (_what, value, message) => {
    const before = endpoint.stored();
    const res = await endpoint.send(value);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.fields[endpoint.field]).toMatch(message);
    expect(endpoint.stored()).toEqual(before);
  });

  test('real names in other scripts, with accents or emoji are accepted as written', async () => {
    for (const value of accepted) {
      const res = await endpoint.send(value);
      expect([200, 201], `${value}: ${JSON.stringify(res.body)}`).toContain(res.status);
      expect(res.body[endpoint.field]).toBe(value);
    }
  });
});
