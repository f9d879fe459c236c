import { expect, test } from 'vitest';
import { joinCodeAlphabet, joinCodeLength } from '../../shared/sessions/guests';
import { generateJoinCode, hashJoinCode } from './joinCodes';

test('a code has eight characters, none of them a look-alike', () => {
  for (let i = 0; i < 500; i++) {
    const code = generateJoinCode();
    expect(code).toHaveLength(joinCodeLength);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  }
  expect(joinCodeAlphabet).not.toMatch(/[01ILO]/);
});

test('codes are drawn from the whole alphabet', () => {
  const seen = new Set(Array.from({ length: 300 }, generateJoinCode).join(''));
  expect(seen.size).toBe(joinCodeAlphabet.length);
});

test('a code typed in lower case or in groups is the same code', () => {
  expect(hashJoinCode('abcd-efgh')).toBe(hashJoinCode('ABCDEFGH'));
  expect(hashJoinCode('ABCD EFGH')).toBe(hashJoinCode('ABCDEFGH'));
  expect(hashJoinCode('ABCDEFGJ')).not.toBe(hashJoinCode('ABCDEFGH'));
});
