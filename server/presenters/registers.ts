/** Register rows as the API returns them: the block's attributes flattened, with names resolved. */
import type { RegisterRow } from '../storage/rows';

export interface NameBook {
  parties: Map<string, { name: string; color: string }>;
  users: Map<string, string>;
}

export type RegisterEntry = Record<string, unknown> & {
  documentId: string;
  documentTitle: string;
  blockId: string;
  text: string;
  valid: boolean;
};

const nameOf = (book: NameBook, key: 'parties' | 'users', id: unknown): string | null => {
  if (typeof id !== 'string') return null;
  const found = book[key].get(id);
  return found === undefined ? null : typeof found === 'string' ? found : found.name;
};

/** `today` is YYYY-MM-DD, for the overdue flag of actions. */
export function presentRegisterRow(row: RegisterRow, book: NameBook, today: string): RegisterEntry {
  const { id: _id, ...attrs } = JSON.parse(row.attrs) as Record<string, unknown>;
  const entry: RegisterEntry = {
    documentId: row.document_id,
    documentTitle: row.document_title,
    documentArchived: row.document_archived,
    blockId: row.block_id,
    ...attrs,
    text: row.text,
    valid: row.valid === 1,
    issues: JSON.parse(row.issues) as Record<string, string>,
    createdByName: nameOf(book, 'users', attrs.createdBy),
    createdByPartyName: nameOf(book, 'parties', attrs.createdByParty),
  };
  if (row.kind === 'action') {
    entry.ownerPartyName = nameOf(book, 'parties', attrs.ownerPartyId);
    entry.ownerUserName = nameOf(book, 'users', attrs.ownerUserId);
    const dueIsValid = row.valid === 1 || !(JSON.parse(row.issues) as Record<string, string>).due;
    entry.overdue = dueIsValid && typeof attrs.due === 'string' && attrs.due < today && attrs.status !== 'done';
    // An owner that is not (or no longer) a party of this workspace owns nothing.
    entry.unowned = entry.ownerPartyName === null;
  }
  if (row.kind === 'commitment') {
    entry.partyName = nameOf(book, 'parties', attrs.partyId);
    entry.confirmedByName = nameOf(book, 'users', attrs.confirmedBy);
  }
  return entry;
}
