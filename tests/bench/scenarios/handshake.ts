/**
 * Preflight: before any figure is taken from thin clients, check that a thin client and the
 * server family's real provider (HocuspocusProvider for Hocuspocus, y-websocket's
 * WebsocketProvider otherwise) understand each other through that server: each writes, each
 * must receive all of the other's beacons, and the provider's document must hold the thin
 * client's text. A family that fails is reported, and its thin-client figures are suspect.
 */
import type { ServerDef } from '../servers/catalog';
import { connectClients, log, measureLoad, withGenerator, withServer } from './loadPoint';

/** Outcome of the preflight for one server. */
export interface HandshakeResult {
  server: string;
  ok: boolean;
  detail: string;
}

/** A thin client and a real provider exchange edits and presence through `def`. */
export async function checkHandshake(def: ServerDef): Promise<HandshakeResult> {
  try {
    return await withServer(def, (server) =>
      withGenerator(async (gen) => {
        const docs = await server.documents(1);
        const connect = await connectClients(gen, docs.targets, [
          { doc: 0, kind: 'full', writer: true, awareness: true },
          { doc: 0, kind: 'thin', writer: true, awareness: true },
        ]);
        const { report } = await measureLoad(
          server,
          gen,
          { ratePerWriter: 10, text: true, awareness: true, charsMin: 1, charsMax: 3, jitter: 0.25 },
          { warmupMs: 200, measureMs: 1500, drainMs: 3000 },
        );
        const convergence = await gen.call('converge', { timeoutMs: 5000 });
        const ok = connect.failed === 0 && report.drops === 0 && report.deliveredInWindow > 0 && report.awarenessDeliveredInWindow > 0 && convergence.ok;
        const detail = `synced ${connect.synced}/2, delivered ${report.deliveredInWindow}, awareness ${report.awarenessDeliveredInWindow}, drops ${report.drops}, provider holds thin text: ${convergence.ok}`;
        return { server: def.id, ok, detail };
      }),
    );
  } catch (error) {
    return { server: def.id, ok: false, detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

/** Checks each server family once (the first server of each family in `servers`). */
export async function preflight(servers: ServerDef[]): Promise<HandshakeResult[]> {
  const seen = new Set<string>();
  const results: HandshakeResult[] = [];
  for (const def of servers) {
    if (def.family === 'floor' || seen.has(def.family)) continue;
    seen.add(def.family);
    const result = await checkHandshake(def);
    log(`handshake ${def.id} (thin client vs real provider): ${result.ok ? 'ok' : 'FAILED'} - ${result.detail}`);
    results.push(result);
  }
  return results;
}
