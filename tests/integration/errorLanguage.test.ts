/**
 * Issue 16: the server answers in the person's language. The werktafel client sends its
 * interface language as `Accept-Language`; without one of ours there, a signed-in person's own
 * language decides, else Dutch. Error codes stay the same in every language.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, buildWorkshop, signUp } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const badSignup = { email: 'geen-adres', name: ' ', password: 'kort' };

function clientIn(acceptLanguage: string | null): ApiClient {
  const client = new ApiClient(server.origin);
  client.acceptLanguage = acceptLanguage;
  return client;
}

test('an English request gets an English 400 with English field messages, limits included', async () => {
  const refused = await clientIn('en').post('/api/auth/signup', badSignup);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toEqual({
    code: 'invalid_request',
    message: 'Please check the marked fields.',
    fields: { email: 'Enter a valid e-mail address.', name: 'Enter a name.', password: 'A password has at least 10 characters.' },
  });
});

test('a Dutch request gets the same answer in Dutch', async () => {
  const refused = await clientIn('nl').post('/api/auth/signup', badSignup);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toEqual({
    code: 'invalid_request',
    message: 'Controleer de gemarkeerde velden.',
    fields: { email: 'Vul een geldig e-mailadres in.', name: 'Vul een naam in.', password: 'Een wachtwoord heeft minstens 10 tekens.' },
  });
});

test('a browser-style header is read by its q-values; one without our languages gets Dutch', async () => {
  const messageFor = async (header: string | null) => (await clientIn(header).post('/api/auth/login', { email: 'x@example.nl', password: '' })).body.error.fields.password;
  expect(await messageFor('en-GB,en;q=0.9,nl;q=0.8')).toBe('Enter your password.');
  expect(await messageFor('fr-FR, nl;q=0.4, en;q=0.6')).toBe('Enter your password.');
  expect(await messageFor('en;q=0.5, nl-BE')).toBe('Vul je wachtwoord in.');
  expect(await messageFor('fr, de;q=0.5')).toBe('Vul je wachtwoord in.');
  expect(await messageFor(null)).toBe('Vul je wachtwoord in.');
});

test("without one of our languages in the request, a signed-in person's own language decides", async () => {
  const person = await signUp(server.origin, 'Sam');
  expect((await person.patch('/api/me', { language: 'en' })).status).toBe(200);
  const missing = await person.get('/api/workspaces/bestaat-niet');
  expect(missing.status).toBe(404);
  expect(missing.body.error).toEqual({ code: 'not_found', message: 'Not found.' });
  person.acceptLanguage = 'nl';
  expect((await person.get('/api/workspaces/bestaat-niet')).body.error.message).toBe('Niet gevonden.');
});

test('messages with values and plurals are worded in the language asked for; codes stay as they are', async () => {
  const { owner, documentId } = await buildWorkshop(server.origin);
  owner.acceptLanguage = 'en';
  const missingVersion = await owner.get(`/api/documents/${documentId}/versions/nope/diff`);
  expect(missingVersion.body.error).toEqual({ code: 'not_found', message: 'This version does not exist.' });
  const tooLong = await owner.post(`/api/documents/${documentId}/versions`, { label: 'x'.repeat(201) });
  expect(tooLong.body.error.fields).toEqual({ label: 'At most 200 characters.' });
  owner.acceptLanguage = 'nl';
  const tooLongNl = await owner.post(`/api/documents/${documentId}/versions`, { label: 'x'.repeat(201) });
  expect(tooLongNl.body.error.fields).toEqual({ label: 'Maximaal 200 tekens.' });
  const badJson = await owner.request('POST', `/api/documents/${documentId}/versions`, undefined, { rawBody: '{' });
  expect(badJson.body.error).toEqual({ code: 'invalid_request', message: 'De inhoud is geen geldige JSON.', fields: { _: 'De inhoud is geen geldige JSON.' } });
});

test('a throttled sign-in counts its seconds in the right plural form', async () => {
  const client = clientIn('en');
  const email = `throttle-${Date.now()}@example.nl`;
  let answer;
  for (let i = 0; i < 8; i++) answer = await client.post('/api/auth/login', { email, password: 'verkeerd-wachtwoord' });
  expect(answer!.status).toBe(429);
  const seconds = Number(answer!.headers.get('retry-after'));
  expect(answer!.body.error.code).toBe('too_many_requests');
  expect(answer!.body.error.message).toBe(`Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`);
});

/** Asks for a WebSocket where there is none; resolves with the refusal's status and JSON body. */
function upgradeElsewhere(acceptLanguage: string): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.origin.replace(/^http/, 'ws')}/geen-socket-hier`, { headers: { 'accept-language': acceptLanguage } });
    socket.on('error', () => undefined);
    socket.on('open', () => reject(new Error('a socket opened where none should')));
    socket.on('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        socket.terminate();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      });
    });
  });
}

test('a refused upgrade outside the app is worded in the request language too', async () => {
  const english = await upgradeElsewhere('en-GB,en;q=0.9');
  expect(english.status).toBe(404);
  expect(english.body.error).toEqual({ code: 'not_found', message: 'There is no WebSocket here.' });
  const dutch = await upgradeElsewhere('nl');
  expect(dutch.body.error).toEqual({ code: 'not_found', message: 'Hier is geen WebSocket.' });
});
