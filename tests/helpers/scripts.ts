/** Runs the repository's maintenance scripts (`npm run backup`, `restore`) as a person would. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ScriptResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command in the repository with DATA_DIR set, and collects everything it printed. */
export function runInRepo(command: string, args: string[], dataDir: string): Promise<ScriptResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

/** A script of scripts/ as `npm run` starts it, without npm's own start-up for repeated runs. */
export const tsxScript = (script: string, args: string[], dataDir: string) =>
  runInRepo(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', script), ...args], dataDir);
