import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DataDirInUseError, lockDataDir } from './dataDirLock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-lock-'));
  dirs.push(dir);
  return dir;
};

test('a held directory refuses a second holder at once, in the same process too, until it is released', () => {
  const dir = tempDir();
  const first = lockDataDir(dir);
  const started = performance.now();
  expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  // No waiting on SQLite's busy timeout: the answer is immediate.
  expect(performance.now() - started).toBeLessThan(1_000);
  first.release();
  const second = lockDataDir(dir);
  second.release();
});

test('a directory that does not exist yet is created and held', () => {
  const dir = path.join(tempDir(), 'nieuw');
  const lock = lockDataDir(dir);
  expect(fs.existsSync(dir)).toBe(true);
  expect(() => lockDataDir(dir)).toThrow(/in use by another werktafel process/);
  lock.release();
});
