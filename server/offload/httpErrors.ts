/**
 * The answers a person gets when a diff or an export stays within no cap: 422 with a code the
 * client knows and a sentence (in the request's language) that says what happened and what to
 * try instead; 503 when too many already wait for a worker.
 */
import { HttpError, type ServerMessage } from '../errors';
import { OffloadError, type OffloadLimits } from './WorkerPool';

type Nested = Exclude<ServerMessage, string>;

/** What failed, in words: the error code and the start and end of the sentence. */
export interface OffloadSubject {
  code: 'diff_too_large' | 'export_too_large' | 'version_too_large';
  what: Nested;
  instead: Nested;
}

export const diffSubject: OffloadSubject = {
  code: 'diff_too_large',
  what: { key: 'error.offload.diff.what' },
  instead: { key: 'error.offload.diff.instead' },
};

export const versionSubject: OffloadSubject = {
  code: 'version_too_large',
  what: { key: 'error.offload.version.what' },
  instead: { key: 'error.offload.version.instead' },
};

export const exportSubject = (format: string): OffloadSubject => ({
  code: 'export_too_large',
  what: { key: 'error.offload.export.what', params: { format: format.toUpperCase() } },
  instead: { key: ['pdf', 'docx', 'odt'].includes(format) ? 'error.offload.export.insteadLighter' : 'error.offload.export.insteadSplit' },
});

const duration = (ms: number): Nested =>
  ms < 1000 ? { key: 'error.offload.milliseconds', params: { ms } } : { key: 'error.offload.seconds', params: { count: Math.round(ms / 1000) } };

const megabytes = (bytes: number): Nested => ({ key: 'error.offload.megabytes', params: { size: bytes / (1024 * 1024) } });

/** Refuses input beyond `maxInputBytes` before any worker is asked. */
export function checkInputSize(bytes: number, limits: OffloadLimits, subject: OffloadSubject): void {
  if (bytes <= limits.maxInputBytes) return;
  throw new HttpError(422, subject.code, {
    key: 'error.offload.tooLarge',
    params: { what: subject.what, size: megabytes(bytes), limit: megabytes(limits.maxInputBytes), instead: subject.instead },
  });
}

/** The HTTP error for a failed job; anything else is passed on as it is (and becomes a 500). */
export function offloadHttpError(error: unknown, limits: OffloadLimits, subject: OffloadSubject): unknown {
  if (!(error instanceof OffloadError)) return error;
  switch (error.reason) {
    case 'over_cap':
      // The job worded its refusal itself, in the language it was given.
      return new HttpError(422, subject.code, { text: error.message });
    case 'timeout':
      return new HttpError(422, subject.code, { key: 'error.offload.timeout', params: { what: subject.what, duration: duration(limits.timeoutMs), instead: subject.instead } });
    case 'out_of_memory':
      return new HttpError(422, subject.code, { key: 'error.offload.memory', params: { what: subject.what, instead: subject.instead } });
    case 'busy':
      return new HttpError(503, 'busy', 'error.offload.busy', undefined, {
        'Retry-After': '30',
      });
    default:
      return error;
  }
}
