/**
 * The answers a person gets when a diff or an export stays within no cap: 422 with a code the
 * client knows and a Dutch sentence that says what happened and what to try instead; 503 when
 * too many already wait for a worker.
 */
import { HttpError } from '../errors';
import { OffloadError, type OffloadLimits } from './WorkerPool';

/** What failed, in words: the error code and the start and end of the sentence. */
export interface OffloadSubject {
  code: 'diff_too_large' | 'export_too_large' | 'version_too_large';
  what: string;
  instead: string;
}

export const diffSubject: OffloadSubject = {
  code: 'diff_too_large',
  what: 'Deze vergelijking',
  instead: 'Vergelijk met een versie die er dichter bij ligt.',
};

export const versionSubject: OffloadSubject = {
  code: 'version_too_large',
  what: 'Het openen van deze versie',
  instead: 'Exporteer de versie als Markdown of HTML.',
};

export const exportSubject = (format: string): OffloadSubject => ({
  code: 'export_too_large',
  what: `Deze export als ${format.toUpperCase()}`,
  instead: ['pdf', 'docx', 'odt'].includes(format) ? 'Markdown en HTML zijn lichter; probeer een van die.' : 'Splits het document in kleinere documenten.',
});

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : Math.round(ms / 1000) === 1 ? '1 seconde' : `${Math.round(ms / 1000)} seconden`);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/** Refuses input beyond `maxInputBytes` before any worker is asked. */
export function checkInputSize(bytes: number, limits: OffloadLimits, subject: OffloadSubject): void {
  if (bytes <= limits.maxInputBytes) return;
  throw new HttpError(422, subject.code, `${subject.what} is te groot: ${megabytes(bytes)} aan tekst, de grens is ${megabytes(limits.maxInputBytes)}. ${subject.instead}`);
}

/** The HTTP error for a failed job; anything else is passed on as it is (and becomes a 500). */
export function offloadHttpError(error: unknown, limits: OffloadLimits, subject: OffloadSubject): unknown {
  if (!(error instanceof OffloadError)) return error;
  switch (error.reason) {
    case 'over_cap':
      return new HttpError(422, subject.code, error.message);
    case 'timeout':
      return new HttpError(422, subject.code, `${subject.what} duurde langer dan ${duration(limits.timeoutMs)} en is afgebroken. ${subject.instead}`);
    case 'out_of_memory':
      return new HttpError(422, subject.code, `${subject.what} had meer geheugen nodig dan de server ervoor heeft en is afgebroken. ${subject.instead}`);
    case 'busy':
      return new HttpError(503, 'busy', 'De server is bezig met veel vergelijkingen en exports tegelijk. Probeer het over een halve minuut opnieuw.', undefined, {
        'Retry-After': '30',
      });
    default:
      return error;
  }
}
