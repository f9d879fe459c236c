import { expect, test } from 'vitest';
import { toICalendar } from './icalendar';

const hostile = 'x\r\nATTACH:https://aanvaller.example/f.exe\r\nEND:VEVENT\r\nBEGIN:VEVENT\rUID:vals\nSUMMARY:nep\u0000\u0085\u2028klaar';

/** The content lines after unfolding, as a calendar app reads them. */
const contentLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

test('CR, LF and other control characters in any value never start a line of their own', () => {
  const ics = toICalendar(hostile, [
    { uid: `${hostile}@werktafel`, date: '2027-02-10', summary: hostile, description: hostile, url: `https://werktafel.example/d/1#block-${hostile}` },
  ]);
  const lines = contentLines(ics);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
  expect(lines.some((l) => /^(ATTACH|SUMMARY:nep)/.test(l))).toBe(false);
  expect(lines.filter((l) => l.startsWith('UID'))).toHaveLength(1);
  // Nothing but CRLF line ends, and no control character inside a line.
  for (const line of ics.split('\r\n')) expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u);

  const property = (name: string) => lines.find((l) => l.startsWith(`${name}:`))!.slice(name.length + 1);
  expect(property('UID')).toBe('x\\nATTACH:https://aanvaller.example/f.exe\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:vals\\nSUMMARY:nep\\nklaar@werktafel');
  expect(property('URL')).toMatch(/^https:\/\/werktafel\.example\/d\/1#block-x%0D%0AATTACH:/);
  expect(property('URL')).not.toMatch(/\s/);
});

test('ordinary text keeps its escapes: commas, semicolons, backslashes and line breaks', () => {
  const lines = contentLines(toICalendar('Werkruimte', [{ uid: 'r1@werktafel', date: '2027-02-10', summary: 'a, b; c\\d', description: 'regel 1\nregel 2\ttab', url: 'https://w.example/d/1#block-r1' }]));
  expect(lines).toContain('SUMMARY:a\\, b\\; c\\\\d');
  expect(lines).toContain('DESCRIPTION:regel 1\\nregel 2\ttab');
  expect(lines).toContain('UID:r1@werktafel');
  expect(lines).toContain('URL:https://w.example/d/1#block-r1');
});
