/**
 * Dutch messages of the server: errors of the HTTP API and the checks of the request schemas
 * (shared/api/schemas.ts and shared/blocks/attrs.ts word their checks as these keys), and the
 * words of the version diff and the export. `enServer.ts` must have exactly these keys.
 */
export const nlServer = {
} satisfies Record<string, string>;
