/** Log lines of the collaboration server, always with the document and the user. */
import type { Connection } from './Connection';

export interface CollabLog {
  info(message: string, connection: Connection | null, documentId?: string): void;
  warn(message: string, connection: Connection | null, error?: unknown, documentId?: string): void;
  error(message: string, connection: Connection | null, error?: unknown, documentId?: string): void;
}

function context(connection: Connection | null, documentId?: string): string {
  const doc = connection?.documentId ?? documentId ?? '-';
  const user = connection?.principal.userId ?? '-';
  return `document=${doc} user=${user}`;
}

const describe = (error: unknown) => (error === undefined ? '' : ` error="${(error as Error)?.message ?? String(error)}"`);

export const consoleCollabLog: CollabLog = {
  info: (message, connection, documentId) => console.info(`[collab] ${message} ${context(connection, documentId)}`),
  warn: (message, connection, error, documentId) =>
    console.warn(`[collab] ${message} ${context(connection, documentId)}${describe(error)}`),
  error: (message, connection, error, documentId) =>
    console.error(`[collab] ${message} ${context(connection, documentId)}${describe(error)}`),
};
