/**
 * axe-core in a real page: its source is evaluated in the page (not added as an inline script
 * tag, which werktafel's Content-Security-Policy rightly refuses; the pages are checked with
 * that policy in force) and `axe.run` checks the
 * whole document against WCAG 2.0 and 2.1, levels A and AA. What it finds is returned in a
 * short form a failing test can print (rule, impact, the first few elements).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe on what the page shows now and returns its violations; `alsoRules` adds rules
 * outside those tags (`target-size`: WCAG 2.2's 2.5.8, targets of at least 24 by 24 px).
 */
export async function axeViolations(page: Page, alsoRules: string[] = []): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async ([tags, alsoRules]) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const rules = Object.fromEntries(alsoRules.map((rule) => [rule, { enabled: true }]));
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, [wcagTags, alsoRules] as const);
}
