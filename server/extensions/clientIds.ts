/**
 * Room extension: Yjs client ids belong to people. Each client id of a document is bound to the
 * person who first wrote with it (or first showed presence under it, so an id visible in
 * presence cannot be taken before its owner writes). An update carrying items of a client id
 * bound to someone else is rejected (4409): otherwise "who wrote this?" could credit a forged
 * sentence to another member, and that member's own offline edits would later collide with it.
 * Client ids that only the server wrote with (templates, restores, compensations) belong to
 * nobody and are refused to everyone.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { liveAttribution } from '../attribution/liveAttribution';
import type { Principal } from '../collab/Connection';
import type { ExtensionRoom, IncomingWrite, RoomExtension, RoomExtensionFactory, WriteVerdict } from '../collab/extensions';
import type { Repos } from '../storage/ports';

/** The server's own client ids: nobody may write with them. */
const SERVER = null;

export class ClientIdBindings implements RoomExtension {
  private readonly owners = new Map<number, string | typeof SERVER>();

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
  }

  filterWrite({ principal, decoded }: IncomingWrite): WriteVerdict {
    const unbound: number[] = [];
    for (const struct of decoded.structs) {
      const clientId = struct.id.client;
      const owner = this.owners.get(clientId);
      if (owner === undefined) unbound.push(clientId);
      else if (owner !== principal.userId) return { reject: { code: CloseCode.clientIdTaken, reason: 'client id of another person' } };
    }
    for (const clientId of unbound) this.owners.set(clientId, principal.userId);
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
