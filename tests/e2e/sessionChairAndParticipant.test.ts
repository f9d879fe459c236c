/**
 * Issue 14 in Chromium: a chair plans a session from the Verkenningsbijeenkomst template on the
 * workspace page, starts it, moves to the next step and starts the clock; a participant on a
 * phone-sized screen sees the step and the clock change without reloading (session events), and
 * both screens count down to the same moment. Both pages pass the axe checks. While the chair
 * locks editing, the participant's editor is read-only.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sessionTemplates } from '../../shared/sessions/templates';
import { signInWithCookie, t } from './steps';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: builtClientDir() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Seconds on a clock like "14:58". */
const clockSeconds = (text: string) => {
  const match = /(\d+):(\d\d)/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
};

test('a chair runs the Verkenningsbijeenkomst; a participant on a phone sees step and clock', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const participantApi = await addMember(workshop, server.origin, 'editor', 'Pim Partner');
  const chair = await newPerson(browser, 'chair');
  const participant = await newPerson(browser, 'participant');
  onTestFailed(() => console.error([...chair.problems, ...participant.problems].join('\n')));
  await participant.page.setViewportSize({ width: 390, height: 844 });
  await signInWithCookie(chair.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(participant.context, server.origin, participantApi.cookie);

  await chair.page.goto(`${server.origin}/w/${workshop.workspaceId}`);
  const form = chair.page.getByRole('form', { name: t('sessions.new') });
  await form.getByLabel(t('sessions.newTitle')).fill('Verkenning dagactivering');
  await form.getByLabel(t('sessions.template')).selectOption('verkenning');
  await form.getByRole('button', { name: t('sessions.create') }).click();
  await chair.page.waitForURL(/\/sessie\//);
  const sessionUrl = chair.page.url();
  // The agenda is the template's, and can be changed before the start: the vision gets 12 minutes.
  await chair.page.getByRole('button', { name: t('session.editAgenda') }).click();
  const agendaForm = chair.page.getByRole('form', { name: t('session.editAgenda') });
  await agendaForm.getByLabel(t('session.stepMinutes')).nth(1).fill('12');
  await agendaForm.getByRole('button', { name: t('session.saveAgenda') }).click();
  await agendaForm.waitFor({ state: 'detached' });
  await chair.page.getByRole('button', { name: t('session.start') }).click();

  const steps = sessionTemplates.verkenning.steps.map((step, i) => (i === 1 ? { ...step, minutes: 12 } : step));
  await expect.poll(() => chair.page.getByTestId('session-step').textContent()).toContain(steps[0]!.nl.title);

  await participant.page.goto(sessionUrl);
  await expect.poll(() => participant.page.getByTestId('session-step').textContent()).toContain(steps[0]!.nl.title);
  expect(await participant.page.getByRole('heading', { name: t('session.chairPanel') }).count()).toBe(0);

  await chair.page.getByRole('button', { name: t('session.nextStep') }).click();
  await chair.page.getByRole('button', { name: t('session.timerStart', { minutes: steps[1]!.minutes }) }).click();

  // The participant's screen follows by itself: the step and a running clock.
  await expect.poll(() => participant.page.getByTestId('session-step').textContent(), { timeout: 10_000 }).toContain(steps[1]!.nl.title);
  await expect.poll(async () => clockSeconds((await participant.page.getByTestId('session-timer').textContent()) ?? ''), { timeout: 10_000 }).toBeLessThanOrEqual(steps[1]!.minutes * 60);
  // Both count down to the same moment. The two pages are read one after the other through two
  // renderer processes, so on a busy machine one reading can lag the other by more than a tick;
  // a clock that counts to another moment differs on every reading, so it is read again until
  // a pair agrees rather than judged on one pair.
  const readClocks = () =>
    Promise.all([chair.page.getByTestId('session-timer').textContent(), participant.page.getByTestId('session-timer').textContent()]).then(
      ([chairClock, participantClock]) => ({ chair: clockSeconds(chairClock ?? ''), participant: clockSeconds(participantClock ?? '') }),
    );
  await expect.poll(async () => {
    const clocks = await readClocks();
    return Math.abs(clocks.chair - clocks.participant);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(1);
  expect((await readClocks()).participant).toBeGreaterThan(steps[1]!.minutes * 60 - 30);

  // The server holds the same state.
  const stored = server.storage.sqlite.prepare('SELECT status, current_step_id, timer_ends_at FROM work_sessions WHERE workspace_id = ?').get(workshop.workspaceId) as {
    status: string;
    current_step_id: string;
    timer_ends_at: number;
  };
  expect(stored.status).toBe('running');
  expect(stored.timer_ends_at).toBeGreaterThan(Date.now());

  // No horizontal scrolling on the phone, and both pages pass axe.
  expect(await participant.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(chair.page, 'session-chair');
  await screenshot(participant.page, 'session-participant-390');
  expect(await axeViolations(chair.page)).toEqual([]);
  expect(await axeViolations(participant.page)).toEqual([]);

  // The chair locks editing: above the document the participant sees the bar and a read-only
  // editor until the chair unlocks.
  await chair.page.getByRole('button', { name: t('session.lock') }).click();
  await participant.page.goto(`${server.origin}/d/${workshop.documentId}`);
  await participant.page.getByTestId('editor').waitFor();
  await expect.poll(() => participant.page.getByTestId('session-step').textContent()).toContain(steps[1]!.nl.title);
  await expect.poll(() => participant.page.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
  await participant.page.getByText(t('session.locked')).waitFor();
  await chair.page.getByRole('button', { name: t('session.unlock') }).click();
  await expect.poll(() => participant.page.getByTestId('editor').getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true');
  await screenshot(participant.page, 'session-document-390');

  // The chair ends the session: the page links to the minutes, which open as a document.
  await chair.page.getByRole('button', { name: t('session.end') }).click();
  const toMinutes = chair.page.getByRole('link', { name: t('session.minutesLink') });
  await toMinutes.waitFor();
  await toMinutes.click();
  await chair.page.getByTestId('editor').waitFor();
  await expect.poll(() => chair.page.getByTestId('editor').textContent()).toContain(steps[1]!.nl.title);
  expect([...chair.problems, ...participant.problems]).toEqual([]);
});
