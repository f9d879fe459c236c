/**
 * The work that runs on worker threads (WorkerPool.ts): the version diff, the export, a
 * version's content as JSON and the content hash. Inputs and outputs are plain values the
 * structured clone carries (Maps included); large results are bytes, which move to the main
 * thread without a copy, so the main thread never parses or serialises a big document.
 * Each job imports its modules when it first runs: a worker loads only what its jobs need.
 */
import type { ExportFormat } from '../../shared/api/documents';
import type { Language } from '../../shared/i18n/translate';
import type { Version, VersionDetail, VersionDiff } from '../../shared/api/versions';
import type { ExportInput } from '../export/types';
import type { NameBook } from '../presenters/registers';

/** A job found its input beyond one of its caps; the message is for the person who asked. */
export class OverCapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverCapError';
  }
}

/** Stored Yjs bytes: one version's state, or a snapshot and the log rows after it. */
export type StoredUpdates = Uint8Array[];

export interface DiffJob {
  from: VersionDiff['from'];
  to: VersionDiff['to'];
  before: StoredUpdates;
  after: StoredUpdates;
  names: NameBook;
  /** The language the summaries and a refusal are worded in. */
  lang: Language;
}

export interface ExportJob extends Omit<ExportInput, 'doc'> {
  format: ExportFormat;
  updates: StoredUpdates;
}

export interface ExportedFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

const utf8 = new TextEncoder();
const jsonBytes = (value: unknown): Uint8Array => utf8.encode(JSON.stringify(value));

export const jobs = {
  /** The body of `GET …/diff`, as JSON bytes. */
  async diff(job: DiffJob): Promise<Uint8Array> {
    const { diffDocuments, DiffTooLargeError } = await import('../versions/diffDocuments');
    const { jsonFromUpdates } = await import('../versions/versionContent');
    const { translate } = await import('../../shared/i18n/translate');
    try {
      const entries = diffDocuments(jsonFromUpdates(job.before), jsonFromUpdates(job.after), job.names, job.lang);
      return jsonBytes({ from: job.from, to: job.to, entries } satisfies VersionDiff);
    } catch (error) {
      if (error instanceof DiffTooLargeError) throw new OverCapError(translate(job.lang, error.keyed.key, error.keyed.params));
      throw error;
    }
  },

  async export({ format, updates, ...input }: ExportJob): Promise<ExportedFile> {
    const { renderExport } = await import('../export/renderExport');
    const { docFromUpdates } = await import('../versions/versionContent');
    const doc = docFromUpdates(updates);
    try {
      const { body, contentType, filename } = await renderExport(format, { ...input, doc });
      return { body: typeof body === 'string' ? utf8.encode(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType, filename };
    } finally {
      doc.destroy();
    }
  },

  /** The body of `GET …/versions/:vid`, as JSON bytes. */
  async versionDetail(job: { version: Version; state: Uint8Array }): Promise<Uint8Array> {
    const { jsonFromState } = await import('../versions/versionContent');
    return jsonBytes({ ...job.version, content: jsonFromState(job.state) } satisfies VersionDetail);
  },

  async contentHash(job: { updates: StoredUpdates }): Promise<string> {
    const { contentHashOfUpdates } = await import('../versions/contentHash');
    return contentHashOfUpdates(job.updates);
  },
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;
