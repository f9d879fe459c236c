/**
 * Run parameters: the full plan, the `--quick` subset, and command-line overrides. Every
 * duration is clamped, so no setting can make a scenario run unbounded.
 */
import type { ServerId } from './servers/catalog';

/** A scenario of docs/bench.md. */
export type ScenarioId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7' | 'S8' | 'S9' | 'S10' | 'SF';
/** Every scenario, in the order a full run takes them (SF: failover on PostgreSQL, issue 13). */
export const ALL_SCENARIOS: ScenarioId[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'SF'];

/** The phases of one load point. */
export interface Timing {
  warmupMs: number;
  measureMs: number;
  /** Longest wait for outstanding beacons after the writers stop. */
  drainMs: number;
}

/** Everything a run is parameterised by. */
export interface BenchConfig {
  quick: boolean;
  scenarios: ScenarioId[];
  /** Restricts every scenario to these servers (when given). */
  servers: ServerId[] | null;
  timing: Timing;
  s1: { ns: number[]; stretchN: number | null };
  s2: { docs: number; clientsPerDoc: number; rate: number };
  s3: { readers: number; writers: number; steps: number[]; stepMs: number };
  s4: { n: number; hz: number };
  s5: { n: number; idleMs: number };
  s6: { variants: ('small' | 'log' | 'large')[]; samples: number };
  s7: { editors: number; joiners: number; spreadMs: number };
  s8: { churnDocs: number; idleConnections: number; loadedDocs: number };
  s9: { n: number; withCeiling: boolean; killPhaseMs: number };
  s10: { n: number; durationMs: number };
  /** Owner kills in the failover scenario, each on a fresh pair of instances. */
  sf: { samples: number };
  fixtures: { keystrokes: number; largeBytes: number };
  /** Full clients per document (real Y.Doc + provider) where the scenario allows. */
  fullClients: number;
}

const clampMs = (ms: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(ms)));

function fullConfig(): BenchConfig {
  return {
    quick: false,
    scenarios: ALL_SCENARIOS,
    servers: null,
    timing: { warmupMs: 3000, measureMs: 20_000, drainMs: 5000 },
    s1: { ns: [2, 10, 50, 100, 250, 500], stretchN: 500 },
    s2: { docs: 500, clientsPerDoc: 3, rate: 0.7 },
    s3: { readers: 20, writers: 4, steps: [1000, 2000, 5000, 10_000, 20_000], stepMs: 6000 },
    s4: { n: 100, hz: 10 },
    s5: { n: 500, idleMs: 120_000 },
    s6: { variants: ['small', 'log', 'large'], samples: 3 },
    s7: { editors: 10, joiners: 50, spreadMs: 1000 },
    s8: { churnDocs: 10_000, idleConnections: 1000, loadedDocs: 1000 },
    s9: { n: 50, withCeiling: true, killPhaseMs: 2000 },
    s10: { n: 20, durationMs: 120_000 },
    sf: { samples: 5 },
    fixtures: { keystrokes: 260_000, largeBytes: 16 * 1024 * 1024 },
    fullClients: 4,
  };
}

function quickConfig(): BenchConfig {
  const full = fullConfig();
  return {
    ...full,
    quick: true,
    scenarios: ['S1', 'S6', 'S9', 'SF'],
    timing: { warmupMs: 1500, measureMs: 6000, drainMs: 3000 },
    s1: { ns: [10, 50, 100], stretchN: null },
    s6: { variants: ['small'], samples: 2 },
    s9: { n: 50, withCeiling: false, killPhaseMs: 1500 },
    sf: { samples: 3 },
  };
}

/** Help text of `npm run bench -- --help`. */
export const USAGE = `npm run bench [-- options]
  --quick                 S1 at N=10,50,100; S6 small; S9 at N=50; SF x3 (about five minutes)
  --only S1,S6            scenarios to run (S1-S10, SF: failover of the owner on PostgreSQL)
  --servers A0,B0,C1      servers to run (null, A0, A1, B0, B1, C0, C1, C2; on a PostgreSQL
                          the bench starts itself: CP one instance, C3x three, C2x two for SF)
  --sf-samples N          owner kills in SF (median and max reported)
  --n 10,50               S1 client counts
  --warmup-s S --measure-s S --drain-s S
  --s5-idle-s S --s10-s S durations of the long scenarios
  --s6-samples N          cold loads per S6 variant (median reported)
  --c0-env KEY=VALUE      enable C0 (ours with persistence off) with this environment switch
  --out DIR               results directory (default tests/bench/results)`;

/** The parsed command line. */
export interface CliOptions {
  config: BenchConfig;
  c0Env: Record<string, string> | null;
  outDir: string | null;
}

function list(value: string | undefined, flag: string): string[] {
  if (!value) throw new Error(`${flag} needs a value`);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function seconds(value: string | undefined, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} needs a number of seconds`);
  return clampMs(n * 1000, min * 1000, max * 1000);
}

/** Parses `process.argv.slice(2)`. */
export function parseArgs(argv: string[]): CliOptions {
  const config = argv.includes('--quick') ? quickConfig() : fullConfig();
  let c0Env: Record<string, string> | null = null;
  let outDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--quick':
        break;
      case '--only':
        config.scenarios = list(value, flag).map((s) => s.toUpperCase()) as ScenarioId[];
        for (const s of config.scenarios) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}`);
        i++;
        break;
      case '--servers':
        config.servers = list(value, flag) as ServerId[];
        i++;
        break;
      case '--n':
        config.s1.ns = list(value, flag).map(Number).filter((n) => Number.isInteger(n) && n >= 2 && n <= 2000);
        // Explicit sizes replace the whole S1 curve, the 1 edit/s stretch point included.
        config.s1.stretchN = null;
        i++;
        break;
      case '--warmup-s':
        config.timing.warmupMs = seconds(value, flag, 0.5, 60);
        i++;
        break;
      case '--measure-s':
        config.timing.measureMs = seconds(value, flag, 2, 600);
        i++;
        break;
      case '--drain-s':
        config.timing.drainMs = seconds(value, flag, 0.5, 60);
        i++;
        break;
      case '--s5-idle-s':
        config.s5.idleMs = seconds(value, flag, 5, 600);
        i++;
        break;
      case '--s6-samples': {
        // A cold load is one join per sample: a few more make its median worth comparing.
        const samples = Number(value);
        if (!Number.isInteger(samples) || samples < 1 || samples > 50) throw new Error('--s6-samples takes a whole number from 1 to 50');
        config.s6.samples = samples;
        i++;
        break;
      }
      case '--sf-samples': {
        const samples = Number(value);
        if (!Number.isInteger(samples) || samples < 1 || samples > 20) throw new Error('--sf-samples takes a whole number from 1 to 20');
        config.sf.samples = samples;
        i++;
        break;
      }
      case '--s10-s':
        config.s10.durationMs = seconds(value, flag, 5, 600);
        i++;
        break;
      case '--c0-env': {
        const [k, ...rest] = (value ?? '').split('=');
        if (!k || rest.length === 0) throw new Error('--c0-env needs KEY=VALUE');
        c0Env = { ...(c0Env ?? {}), [k]: rest.join('=') };
        i++;
        break;
      }
      case '--out':
        outDir = value ?? null;
        i++;
        break;
      case '--help':
      case '-h':
        console.info(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return { config, c0Env, outDir };
}
