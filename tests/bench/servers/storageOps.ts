/**
 * Runs the storage helper (entries/storage.ts) in its own process on the generator core:
 * seeding a stopped server's storage with a fixture, or reading back which beacons a
 * stopped (or killed) server actually kept.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { track } from '../children';
import { GENERATOR_CORE, pinned } from '../pinning';
import type { BenchServer } from './catalog';
import { repoRoot } from './serverProcess';

const entry = path.join(import.meta.dirname, 'entries/storage.ts');

function run(args: string[], timeoutMs: number): Promise<void> {
  const { command, args: full } = pinned(GENERATOR_CORE, process.execPath, ['--import', 'tsx', entry, ...args]);
  const child = track(spawn(command, full, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`storage ${args[0]} failed (${code}):\n${output.slice(-4000)}`));
    });
  });
}

function storageKind(server: BenchServer): string {
  if (server.def.storage === 'none') throw new Error(`${server.def.id} keeps nothing on disk`);
  return server.def.storage;
}

/** Stores `stateFile` as the whole state of `docName` (server must be stopped). */
export function seedState(server: BenchServer, docName: string, stateFile: string): Promise<void> {
  return run(['seed-state', storageKind(server), server.storageLocation, docName, stateFile], 120_000);
}

/** Stores every update of `logFile` as its own log entry (server must be stopped). */
export function seedLog(server: BenchServer, docName: string, logFile: string): Promise<void> {
  return run(['seed-log', storageKind(server), server.storageLocation, docName, logFile], 600_000);
}

/** Beacon keys (`writer:seq`) in the stored text of `docName` (server must not be running). */
export async function storedBeacons(server: BenchServer, docName: string): Promise<{ textLength: number; keys: Set<string> }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-bench-read-')), 'out.json');
  try {
    await run(['read-text', storageKind(server), server.storageLocation, docName, out], 120_000);
    const parsed = JSON.parse(fs.readFileSync(out, 'utf8')) as { textLength: number; keys: string[] };
    return { textLength: parsed.textLength, keys: new Set(parsed.keys) };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
