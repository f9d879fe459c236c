/**
 * Every page of werktafel, with real content, in real Chromium: no WCAG 2.1 A/AA violation that
 * axe-core finds, at a laptop's width and at a phone's; and no page wider than a phone at 390
 * and 320 CSS pixels (WCAG 1.4.10 Reflow), with the version panel near the top on a phone.
 * One browser, one signed-out and one signed-in context, each page visited in both widths.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, type AxeViolation } from '../helpers/axe';
import { elementsStickingOut, pageWidth } from '../helpers/reflow';
import { builtClientDir, launchBrowser, newPerson, resultsDir, screenshot, type Person } from '../helpers/browser';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { buildSiteTour, waitForPage, type SiteTour, type Visit } from './siteTour';
import { signInWithCookie, t } from './steps';

let inbox: SmtpInbox;
let server: TestServer;
let browser: Browser;
let tour: SiteTour;
let signedOut: Person;
let signedIn: Person;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startTestServer({ CLIENT_DIR: builtClientDir(), SMTP_URL: inbox.url });
  browser = await launchBrowser();
  tour = await buildSiteTour(server.origin, inbox);
  signedOut = await newPerson(browser, 'signed-out');
  signedIn = await newPerson(browser, 'signed-in');
  await signInWithCookie(signedIn.context, server.origin, tour.cookie);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await inbox?.close();
});

/** Each page with the person who sees it. */
const everyPage = (): [Page, Visit][] => [
  ...tour.signedOut.map((visit) => [signedOut.page, visit] as [Page, Visit]),
  ...tour.signedIn.map((visit) => [signedIn.page, visit] as [Page, Visit]),
];

/** Uncaught errors in either page (a signed-out page's 401 on /api/me is expected and not one). */
const pageErrors = () => [...signedOut.problems, ...signedIn.problems].filter((problem) => problem.includes('pageerror'));

async function show(page: Page, visit: Visit, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width > 800 ? 800 : 780 });
  await page.goto(server.origin + visit.path);
  await waitForPage(page, visit);
}

const listViolations = (violations: AxeViolation[]) => violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');

test('axe-core finds no WCAG 2.1 A/AA violation on any page at 1280 and 390 px, nor a too small target on a phone', async ({ onTestFailed }) => {
  onTestFailed(() => console.error([...signedOut.problems, ...signedIn.problems].join('\n')));
  const found: string[] = [];
  const counts: string[] = [];
  for (const width of [1280, 390]) {
    for (const [page, visit] of everyPage()) {
      await show(page, visit, width);
      // At phone width also WCAG 2.2's target size (2.5.8): everything a thumb taps is at least 24 by 24 px.
      const violations = await axeViolations(page, width < 800 ? ['target-size'] : []);
      counts.push(`${String(width).padStart(4)} px  ${visit.name.padEnd(24)} ${violations.length}`);
      if (violations.length) found.push(`${visit.name} at ${width} px:\n${listViolations(violations)}`);
    }
  }
  console.info(`axe-core violations per page (WCAG 2.0/2.1 A and AA; at 390 px also target-size):\n${counts.join('\n')}`);
  expect(found.join('\n')).toBe('');
  expect(pageErrors()).toEqual([]);
}, 240_000);

test('no page is wider than a 390 or 320 px phone, and the version panel opens near the top', async ({ onTestFailed }) => {
  onTestFailed(async () => {
    console.error([...signedOut.problems, ...signedIn.problems].join('\n'));
    await screenshot(signedIn.page, 'reflow-failed');
  });
  const tooWide: string[] = [];
  for (const width of [390, 320]) {
    for (const [page, visit] of everyPage()) {
      await show(page, visit, width);
      const scrollWidth = await pageWidth(page);
      if (scrollWidth > width) tooWide.push(`${visit.name} at ${width} px is ${scrollWidth} px wide:\n    ${(await elementsStickingOut(page)).join('\n    ')}`);
      // The whole page at phone width, to look at (test-results/phone-*.png).
      if (width === 390) await page.screenshot({ path: path.join(resultsDir, `phone-${visit.name.replace(/\W+/g, '-')}.png`), fullPage: true });
    }
  }
  expect(tooWide.join('\n')).toBe('');
  expect(pageErrors()).toEqual([]);

  // On a phone "Versies" opens its panel above the editor, in view with its close button.
  const page = signedIn.page;
  const visit = tour.signedIn.find((v) => v.name === 'document: versions')!;
  await show(page, visit, 390);
  const inView = (selector: string) =>
    page.locator(selector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
  await expect.poll(() => inView('#version-panel-title')).toBe(true);
  expect(await inView(`[aria-label="${t('version.closePanel')}"]`)).toBe(true);
  const top = (testId: string) => page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().top);
  expect(await top('version-panel')).toBeLessThan(await top('editor'));
}, 240_000);

