/** English messages of the server. Same keys as `nlServer.ts` (the type enforces it). */
import type { nlServer } from './nlServer';

export const enServer: Record<keyof typeof nlServer, string> = {
};
