import { expect, test } from 'vitest';
import { formatBytes } from './storageFigure';

test('bytes are shown in the largest unit that keeps the number at one or more, in the reader’s notation', () => {
  expect(formatBytes(0, 'nl-NL')).toBe('0 byte');
  expect(formatBytes(999, 'nl-NL')).toBe('999 byte');
  expect(formatBytes(340_400, 'nl-NL')).toBe('340,4 kB');
  expect(formatBytes(2_703_152, 'nl-NL')).toBe('2,7 MB');
  expect(formatBytes(2_703_152, 'en-GB')).toBe('2.7 MB');
  expect(formatBytes(1_200_000_000, 'nl-NL')).toBe('1,2 GB');
});
