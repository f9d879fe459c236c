/**
 * `npm run bench`: runs the scenarios of docs/bench.md against the reference servers and ours,
 * one server after another with the same schedule, prints a table per scenario and writes
 * `tests/bench/results/<timestamp>.json`. `npm run bench -- --quick` runs the reduced set.
 * `npm run bench -- --help` lists the options.
 *
 * Only 127.0.0.1 is ever contacted; every server, generator and helper process is killed when
 * this process ends, however it ends.
 */
import path from 'node:path';
import { killAll } from './children';
import { parseArgs, type BenchConfig, type ScenarioId } from './config';
import { collectEnv } from './env';
import { GENERATOR_CORE, canPin, pinSelf } from './pinning';
import { floorEntries, writeReport, type BenchReport, type ResultRow } from './report/results';
import { renderScenario } from './report/table';
import { postgresSettingsNote, postgresUnavailableReason, stopBenchPostgres, stopBenchPostgresNow } from './servers/benchPostgres';
import { baselineEnabled, c0Enabled, enableC0, onPostgres, serverDef, type ServerDef, type ServerId } from './servers/catalog';
import { preflight } from './scenarios/handshake';
import { log } from './scenarios/loadPoint';
import { runS1 } from './scenarios/s1FanOut';
import { runS2 } from './scenarios/s2ManyRooms';
import { runS3 } from './scenarios/s3Ceiling';
import { runS4 } from './scenarios/s4CursorStorm';
import { runS5 } from './scenarios/s5IdlePresence';
import { runS6 } from './scenarios/s6ColdLoad';
import { runS7 } from './scenarios/s7JoinStorm';
import { runS8 } from './scenarios/s8Churn';
import { runS9 } from './scenarios/s9Persistence';
import { runS10 } from './scenarios/s10LargeDoc';
import { runFailover } from './scenarios/sFailover';

type Runner = (config: BenchConfig, servers: ServerDef[]) => Promise<ResultRow[]>;

/**
 * Which servers each scenario compares by default (C0 joins where persistence matters; ours on
 * PostgreSQL, one instance and three, where issue 13 asks for it).
 */
const SCENARIOS: Record<ScenarioId, { servers: ServerId[]; run: Runner }> = {
  S1: { servers: ['null', 'A0', 'B0', 'C0', 'C1', 'CP', 'C3x'], run: runS1 },
  S2: { servers: ['A0', 'B0', 'C1'], run: runS2 },
  S3: { servers: ['null', 'A0', 'B0', 'C1'], run: runS3 },
  S4: { servers: ['null', 'A0', 'B0', 'C1'], run: runS4 },
  S5: { servers: ['A0', 'B0', 'C1'], run: runS5 },
  S6: { servers: ['A1', 'B1', 'C1'], run: runS6 },
  S7: { servers: ['A0', 'B0', 'C1'], run: runS7 },
  S8: { servers: ['A0', 'B0', 'C1'], run: runS8 },
  S9: { servers: ['A1', 'B1', 'C0', 'C1', 'C2', 'CP'], run: runS9 },
  S10: { servers: ['A0', 'B0', 'C1'], run: runS10 },
  SF: { servers: ['C2x'], run: runFailover },
};

const postgresMissing = postgresUnavailableReason();

function serversFor(id: ScenarioId, config: BenchConfig): ServerDef[] {
  const listed = SCENARIOS[id].servers;
  // The baseline runs right before ours wherever ours runs.
  const withBaseline = baselineEnabled() ? listed.flatMap((s): ServerId[] => (s === 'C1' ? ['Cb', 'C1'] : [s])) : listed;
  return withBaseline
    .filter((s) => s !== 'C0' || c0Enabled())
    .filter((s) => !config.servers || config.servers.includes(s))
    .map(serverDef)
    .filter((def) => !postgresMissing || !onPostgres(def));
}

async function main(): Promise<void> {
  const { config, c0Env, outDir } = parseArgs(process.argv.slice(2));
  if (c0Env) enableC0(c0Env);
  // The harness shares the generator's core: the server's core stays for the server alone.
  const pinnedSelf = pinSelf(GENERATOR_CORE);
  const startedAt = new Date();
  const env = collectEnv({
    quick: config.quick,
    scenarios: config.scenarios,
    timing: config.timing,
    c0_env: c0Env,
    harness_pinned: pinnedSelf,
    note: canPin()
      ? 'server on core 0, generator and harness on core 1 (taskset)'
      : 'taskset or a second core unavailable: processes ran unpinned',
  });
  const dir = path.resolve(outDir ?? path.join(import.meta.dirname, 'results'));
  const rows: ResultRow[] = [];
  const report = (): BenchReport => ({
    env: { ...env, finished_at: new Date().toISOString(), started_at: startedAt.toISOString() },
    floor: { server: 'null', entries: floorEntries(rows) },
    results: rows,
  });

  log(`${config.quick ? 'quick' : 'full'} run: ${config.scenarios.join(', ')}; ${String(env.cpu_model)}, ${String(env.cores)} cores, Node ${process.version}`);
  if (!canPin()) log('taskset unavailable: running unpinned (recorded in env)');
  if (postgresMissing) log(`skipping CP, C3x, C2x (ours on PostgreSQL): ${postgresMissing}`);
  const everyServer = [...new Map(config.scenarios.flatMap((id) => serversFor(id, config)).map((d) => [d.id, d])).values()];
  if (everyServer.some(onPostgres)) {
    const note = await postgresSettingsNote();
    env.postgres = note;
    log(note);
  }
  env.handshake = await preflight(everyServer);
  let file = '';
  for (const id of config.scenarios) {
    const servers = serversFor(id, config);
    if (servers.length === 0) continue;
    const scenarioRows = await SCENARIOS[id].run(config, servers);
    rows.push(...scenarioRows);
    console.info(renderScenario(id, scenarioRows, rows));
    // Written after every scenario: an interrupted run keeps what it measured.
    file = writeReport(dir, report(), startedAt);
  }
  file = writeReport(dir, report(), startedAt);
  const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  console.info(`\nresults: ${path.relative(process.cwd(), file)} (${rows.length} rows, ${seconds} s)`);
  console.info('Figures are ratios measured side by side in one run on one machine; absolute times are not portable.');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    stopBenchPostgresNow();
    process.exit(130);
  });
}

main().then(
  async () => {
    killAll();
    await stopBenchPostgres();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(error);
    killAll();
    await stopBenchPostgres();
    process.exit(1);
  },
);
