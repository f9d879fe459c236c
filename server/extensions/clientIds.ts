/**
 * Room extension: Yjs client ids belong to people. Each client id of a document is bound to the
 * person who first wrote with it (or first showed presence under it, so an id visible in
 * presence cannot be taken before its owner writes). An update that carries items of a client
 * id bound to someone else, at clocks the server has not seen yet, is rejected (4409):
 * otherwise "who wrote this?" could credit a forged sentence to another member, and that
 * member's own edits at those clocks would later be dropped as duplicates. Items the server
 * has seen are another matter: a client's sync step 2 holds whatever the server's state vector
 * lacks, and that includes other people's items the server keeps pending (received out of
 * order) while the client has them complete (found by the random-operations test). Client ids
 * that only the server wrote with (templates, restores, compensations) belong to nobody.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { liveAttribution } from '../attribution/liveAttribution';
import type { Principal } from '../collab/Connection';
import type { ExtensionRoom, IncomingWrite, RoomExtension, RoomExtensionFactory, WriteVerdict } from '../collab/extensions';
import type { Repos } from '../storage/ports';

/** The server's own client ids: nobody may write with them. */
const SERVER = null;

/** The clock after the last item of each client id that the update or pending state holds. */
function clockEnds(structs: ReturnType<typeof Y.decodeUpdate>['structs'], into = new Map<number, number>()): Map<number, number> {
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end > (into.get(struct.id.client) ?? 0)) into.set(struct.id.client, end);
  }
  return into;
}

export class ClientIdBindings implements RoomExtension {
  private readonly owners = new Map<number, string | typeof SERVER>();
  /** Per client id, the clock up to which the server has seen items (applied or pending). */
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
  ) {}

  async onLoad(): Promise<void> {
    // The log is the record: summarised rows and the rows not summarised yet, with their authors.
    const { clients } = await liveAttribution(this.repos, this.room.documentId);
    for (const client of clients) this.owners.set(client.client_id, client.user_id);
    for (const clientId of Y.decodeStateVector(Y.encodeStateVector(this.room.doc)).keys()) {
      if (!this.owners.has(clientId)) this.owners.set(clientId, SERVER);
    }
    this.owners.set(this.room.doc.clientID, SERVER);
    for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(this.room.doc))) this.seen.set(clientId, clock);
    // Yjs keeps items that wait for their predecessors in a V2-encoded update of their own.
    const pending = this.room.doc.store.pendingStructs;
    if (pending) clockEnds(Y.decodeUpdateV2(pending.update).structs, this.seen);
  }

  filterWrite({ principal, decoded }: IncomingWrite): WriteVerdict {
    const unbound: number[] = [];
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const clientId = struct.id.client;
      const owner = this.owners.get(clientId);
      if (owner === undefined) unbound.push(clientId);
      else if (owner !== principal.userId && struct.id.clock + struct.length > (this.seen.get(clientId) ?? 0)) {
        return { reject: { code: CloseCode.clientIdTaken, reason: 'client id of another person', log: { clientId, clock: struct.id.clock } } };
      }
    }
    for (const clientId of unbound) this.owners.set(clientId, principal.userId);
    clockEnds(decoded.structs, this.seen);
    return undefined;
  }

  mayUseClientId(principal: Principal, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner === undefined) {
      this.owners.set(clientId, principal.userId);
      return true;
    }
    return owner === principal.userId;
  }
}

export function clientIds(repos: Repos): RoomExtensionFactory<ClientIdBindings> {
  return { name: 'clientIds', create: (room) => new ClientIdBindings(room, repos) };
}
