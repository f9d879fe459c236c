/**
 * Command: the chair plans the next reflection moment from the session (issue 14, item 8): a
 * `reflection` block, planned on the chosen date, appended to a document of the workspace. It
 * is the chair's block (createdBy, their party), enters the reflections register, the calendar
 * feed and the reminders like any other, and the audit log says which session planned it.
 */
import type { JSONContent } from '@tiptap/core';
import { blockDefaults } from '../../../shared/blocks/attrs';
import type { PlanReflectionReq } from '../../../shared/api/sessionSchemas';
import type { ReflectionPlanned } from '../../../shared/api/sessions';
import { translate, type Language } from '../../../shared/i18n/translate';
import { paragraph } from '../../../shared/templates/builders';
import type { Services } from '../../context';
import { newId } from '../../storage/ids';
import type { DocumentRow, WorkSessionRow } from '../../storage/rows';
import { appendToDocument } from '../appendToDocument';

export async function planReflection(
  services: Services,
  session: WorkSessionRow,
  document: DocumentRow,
  chair: { userId: string; partyId: string | null },
  request: PlanReflectionReq,
  lang: Language,
): Promise<ReflectionPlanned> {
  const blockId = newId();
  const text = request.text?.trim() || translate(lang, 'session.reflection.defaultText', { session: session.title });
  const block: JSONContent = {
    type: 'reflection',
    attrs: { ...blockDefaults.reflection, date: request.date, status: 'planned', id: blockId, createdBy: chair.userId, createdByParty: chair.partyId },
    content: [paragraph(text)],
  };
  await appendToDocument(services, document.id, [block], chair);
  await services.repos.auditLog.record({
    workspaceId: document.workspace_id,
    documentId: document.id,
    userId: chair.userId,
    action: 'session.reflection',
    detail: { sessionId: session.id, blockId, date: request.date },
  });
  return { documentId: document.id, blockId, date: request.date };
}
