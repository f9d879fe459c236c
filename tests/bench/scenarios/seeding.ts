/**
 * Puts stored documents in place before clients come: through the server's own storage for
 * servers that have one (stop, seed, restart: the documents are then loaded cold from disk), or
 * by one seeding client per document that sends the state as an update and stays connected
 * (in-memory servers forget a document when its last socket leaves).
 */
import type { FixtureFiles } from '../fixtures/documents';
import type { GeneratorHandle } from '../generator/handle';
import type { DocTarget } from '../generator/protocol';
import type { BenchServer } from '../servers/catalog';
import { seedLog, seedState } from '../servers/storageOps';

/** One document to put in place. */
export interface Seed {
  name: string;
  target: DocTarget;
  fixture: FixtureFiles;
  /** Store the fixture's update log instead of its state. */
  asLog?: boolean;
}

/** Seeds documents; servers with storage are stopped, seeded and restarted once for all. */
export async function seedDocuments(server: BenchServer, gen: GeneratorHandle, seeds: Seed[]): Promise<void> {
  if (server.def.storage === 'none') {
    for (const seed of seeds) {
      if (seed.asLog) throw new Error(`${server.def.id} has no update log to seed`);
      await gen.call('seed', { doc: seed.target, updateFile: seed.fixture.stateFile, timeoutMs: 120_000 }, 300_000);
    }
    return;
  }
  await Promise.all(server.processes.map((p) => p.stop()));
  for (const seed of seeds) {
    if (seed.asLog) await seedLog(server, seed.name, seed.fixture.logFile!);
    else await seedState(server, seed.name, seed.fixture.stateFile);
  }
  await server.restart();
}

/** One document. */
export function seedDocument(server: BenchServer, gen: GeneratorHandle, name: string, target: DocTarget, fixture: FixtureFiles, asLog = false): Promise<void> {
  return seedDocuments(server, gen, [{ name, target, fixture, asLog }]);
}
