/**
 * The document export: builds the export model once from the stored Yjs state, then lays it
 * out as DOCX, ODT, PDF, Markdown or HTML. The route decides who may export which document and
 * version and hands the work to a worker thread (the `export` job of server/offload/jobs.ts);
 * this module only renders what it is given.
 */
import type { ExportFormat } from '../../shared/api/documents';
import { renderDocx } from './docx/renderDocx';
import { exportFilename } from './filename';
import { renderHtml } from './html/renderHtml';
import { renderMarkdown } from './markdown/renderMarkdown';
import { buildExportModel } from './model/buildModel';
import { odtMimeType } from './odt/odtPackage';
import { renderOdt } from './odt/renderOdt';
import { renderPdf } from './pdf/renderPdf';
import type { ExportInput, ExportResult } from './types';

// The route takes the formats from here, with the renderer.
export { exportFormats, type ExportFormat } from '../../shared/api/documents';
export type { ExportInput, ExportResult } from './types';

export const exportContentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: odtMimeType,
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export async function renderExport(format: ExportFormat, input: ExportInput): Promise<ExportResult> {
  const model = buildExportModel(input);
  const filename = exportFilename(model.title, input.versionLabel, format);
  const contentType = exportContentTypes[format];
  switch (format) {
    case 'docx':
      return { body: await renderDocx(model), contentType, filename };
    case 'odt':
      return { body: await renderOdt(model, input.exportedAt), contentType, filename };
    case 'pdf':
      return { body: await renderPdf(model), contentType, filename };
    case 'md':
      return { body: renderMarkdown(model), contentType, filename };
    case 'html':
      return { body: renderHtml(model), contentType, filename };
  }
}
