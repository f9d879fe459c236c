/**
 * Where a document's room lives. On one machine: here, always. On PostgreSQL (several
 * instances): at the instance holding the document's lease (DocumentLeases.ts), so that every
 * socket of a document meets one room and one writer; a socket that lands elsewhere is piped
 * to the owner's INTERNAL_URL (forwardSocket.ts).
 */
export type DocumentLocation = { here: true } | { here: false; instanceId: string; internalUrl: string };

export interface DocumentOwnership {
  /** Claims the document for this instance when nobody live holds it; else names its holder. */
  locate(documentId: string): Promise<DocumentLocation>;
  /** The room has gone: another instance may take the document at once. */
  release(documentId: string): Promise<void>;
  /**
   * Proves a socket came from another instance of this cluster (a secret all instances read
   * from the database), so the owner may believe the client address it names.
   */
  forwardingSecret: string | null;
}

/** One instance alone: every document is here. */
export function singleInstanceOwnership(): DocumentOwnership {
  return { locate: async () => ({ here: true }), release: async () => undefined, forwardingSecret: null };
}

/**
 * A command asked for a document's room here while another live instance holds the document
 * (RoomRegistry.withRoom). Thrown before the command has changed anything, so that the request
 * can be run again whole at the owner (server/cluster/forwardRequest.ts), or, for a command over
 * several documents, that document's part of it (server/cluster/documentParts.ts).
 */
export class DocumentElsewhereError extends Error {
  constructor(
    readonly documentId: string,
    readonly owner: { instanceId: string; internalUrl: string },
  ) {
    super(`document ${documentId} is open at instance ${owner.instanceId}`);
  }
}
