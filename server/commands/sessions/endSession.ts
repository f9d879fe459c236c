/**
 * Command: end a running session and write its minutes (issue 14, item 8) as a new document in
 * the workspace.
 *
 * The order keeps the two consistent. The minutes are written first, while the session still
 * runs; only then does one conditional statement end the session and name the document. If the
 * writing fails, the session is untouched and the chair can try again. If the end loses (a
 * second end came in at the same time) or fails, the document nobody has seen yet is removed
 * again, so a session never has two minutes. What is left after a crash between the two steps is
 * a minutes document of a session that still runs; ending it again writes a fresh one.
 */
import * as Y from 'yjs';
import type { Language } from '../../../shared/i18n/messages';
import { writeJsonToDoc } from '../../../shared/editor/schema';
import type { Services } from '../../context';
import { ConflictError } from '../../errors';
import { appLink } from '../../mail/deliver';
import type { DocumentRow, WorkSessionRow } from '../../storage/rows';
import { buildMinutes, minutesTitle, type MadeDuringSession } from '../../sessions/minutes';
import { presentPollResults } from '../../presenters/polls';
import type { MinutesPoll } from '../../sessions/minutesPolls';
import { publishSessionChange } from './publishSessionChange';
import { writeFirstState } from '../writeFirstState';
import { guestWritingChanged } from '../../sessions/guestWriting';
import { stepLetsGuestsWrite } from '../../policies';

export async function endSession(services: Services, session: WorkSessionRow, lang: Language, now = Date.now()): Promise<DocumentRow> {
  if (session.status !== 'running') throw new ConflictError('session_ended', 'error.sessionEnded');
  const { repos } = services;
  // An ending session takes no more ballots: its open polls close first, so the minutes carry
  // their results and results hidden until the close do not stay hidden for good.
  for (const poll of await repos.polls.listForSession(session.id)) if (poll.status === 'open') await repos.polls.close(poll.id, now);
  const document = await writeMinutes(services, session, lang, now);
  let ended = false;
  try {
    ended = await repos.workSessions.end(session.id, now, document.id);
  } finally {
    if (!ended) await repos.documents.remove(document.id);
  }
  if (!ended) throw new ConflictError('session_ended', 'error.sessionEnded');
  services.sessionLocks.release(session.id);
  await guestWritingChanged(services, session, stepLetsGuestsWrite(session, await repos.workSessions.listSteps(session.id)));
  publishSessionChange(services, session);
  return document;
}

/** The minutes as a document, stored as its first state like a template (writeFirstState.ts). */
async function writeMinutes(services: Services, session: WorkSessionRow, lang: Language, now: number): Promise<DocumentRow> {
  const { repos, registers } = services;
  const [steps, periods, turns, cards, attendance, parties, members, guests, madeDuring, polls] = await Promise.all([
    repos.workSessions.listSteps(session.id),
    repos.workSessions.listStepPeriods(session.id),
    repos.workSessions.listTurns(session.id),
    repos.sessionCards.listRevealed(session.id),
    repos.workSessions.listAttendance(session.id),
    repos.parties.listForWorkspace(session.workspace_id),
    repos.members.listForWorkspace(session.workspace_id),
    repos.guests.listNamesForSession(session.id),
    blocksMadeDuring(services, session, now),
    pollsWithResults(services, session),
  ]);
  const content = buildMinutes({ session, steps, periods, turns, cards, attendance, parties, members: [...members, ...guests], madeDuring, polls, endedAt: now, lang });
  const document = await repos.documents.create({
    workspace_id: session.workspace_id,
    title: minutesTitle(session, now, lang),
    template: 'blank',
    // The chair ends the session; the minutes are theirs to correct.
    created_by: session.chair_user_id ?? session.created_by,
  });
  const doc = new Y.Doc();
  try {
    writeJsonToDoc(doc, content);
    await writeFirstState(services, document.id, Y.encodeStateAsUpdate(doc));
    await registers.index(document.id, doc);
    return document;
  } catch (error) {
    await repos.documents.remove(document.id);
    throw error;
  } finally {
    doc.destroy();
  }
}

/** The session's polls with their results as anyone may see them (hidden ones without counts). */
async function pollsWithResults(services: Services, session: WorkSessionRow): Promise<MinutesPoll[]> {
  const { polls } = services.repos;
  return Promise.all(
    (await polls.listForSession(session.id)).map(async (poll) => ({
      poll,
      results: presentPollResults(poll, await polls.listOptions(poll.id), await polls.listBallots(poll.id)),
    })),
  );
}

/**
 * Actions and commitments someone wrote in the workspace's documents while the session ran: the
 * register index has every such block, and its block record says who created it and when. Blocks
 * written by the server (templates) have no creator and are left out.
 */
async function blocksMadeDuring(services: Services, session: WorkSessionRow, now: number): Promise<MadeDuringSession[]> {
  const { repos } = services;
  const since = session.started_at ?? now;
  const blocks = [...(await repos.blocks.listForWorkspace(session.workspace_id, 'action')), ...(await repos.blocks.listForWorkspace(session.workspace_id, 'commitment'))];
  const documentIds = [...new Set(blocks.map((block) => block.document_id))];
  const records = new Map<string, number>();
  for (const documentId of documentIds) {
    for (const record of await repos.blockRecords.forDocument(documentId)) {
      if (record.created_by !== null) records.set(`${record.document_id}/${record.block_id}`, record.created_at);
    }
  }
  return blocks
    .filter((block) => {
      const createdAt = records.get(`${block.document_id}/${block.block_id}`);
      return createdAt !== undefined && createdAt >= since && createdAt <= now;
    })
    .map((block) => ({
      kind: block.kind === 'action' ? 'action' : 'commitment',
      text: block.text,
      documentTitle: block.document_title,
      // The same link the reminder mails use: the document, scrolled to the block.
      href: appLink(services, `/d/${block.document_id}#block-${block.block_id}`),
    }));
}
