/**
 * Real Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core.
 * One browser per test file, one context per person (own cookies, own storage), and page
 * errors collected so a failing test can say what the page complained about.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const resultsDir = path.join(repoRoot, 'test-results');

/**
 * The built client the test server serves: `dist/` (`npm test` builds it first), or
 * E2E_CLIENT_DIR, for a build of one's own while others rebuild `dist/` in the same checkout.
 */
export function builtClientDir(): string {
  const dir = path.resolve(process.env.E2E_CLIENT_DIR ?? path.join(repoRoot, 'dist'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`no built client in ${dir}: run \`npx vite build\` first`);
  return dir;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, prefixed with the person's tag. */
  problems: string[];
}

/** A fresh browser context (nobody signed in) with one page, in Dutch, at a laptop size. */
export async function newPerson(browser: Browser, tag: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`[${tag}] pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`[${tag}] console.error: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Writes a PNG of the visible viewport to `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
