/**
 * The environment a run happened in: CPU, cores, memory, Node, OS, git SHA, the versions of
 * every package under test or shared between the servers, and whether pinning was possible.
 * Ratios between servers are what a run shows; this says what they were measured on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canPin, GENERATOR_CORE, SERVER_CORE } from './pinning';
import { repoRoot } from './servers/serverProcess';

const PACKAGES = [
  'yjs',
  'y-protocols',
  'lib0',
  'ws',
  'y-websocket',
  'y-websocket-reference',
  'y-leveldb',
  '@hocuspocus/server',
  '@hocuspocus/provider',
  '@hocuspocus/extension-database',
  'better-sqlite3',
  'hono',
  '@hono/node-server',
  'tsx',
];

function packageVersion(name: string): string | null {
  try {
    const file = path.join(repoRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The environment record of the results file, plus `extra`. */
export function collectEnv(extra: Record<string, unknown>): Record<string, unknown> {
  const cpus = os.cpus();
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    git_sha: git(['rev-parse', 'HEAD']),
    git_dirty: dirty === null ? null : dirty.length > 0,
    pinned: canPin(),
    server_core: canPin() ? SERVER_CORE : null,
    generator_core: canPin() ? GENERATOR_CORE : null,
    load_average_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100),
    packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
    ...extra,
  };
}
