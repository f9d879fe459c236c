/** Register rows as the API returns them: the block's attributes flattened, with names resolved. */
import type { ActionEntry, CommitmentEntry, RegisterEntry } from '../../shared/api/registers';
import type { RegisterRow } from '../storage/rows';
import { parseBlockRow, type StoredBlock } from '../registers/blockRow';

export interface NameBook {
  parties: Map<string, { name: string; color: string }>;
  users: Map<string, string>;
}

/**
 * An entry as presented. The entry of an invalid block also carries every other attribute the
 * document held, ones no schema knows included.
 */
export type PresentedRegisterEntry = RegisterEntry & { [attribute: string]: unknown };

type ActionNames = Pick<ActionEntry, 'ownerPartyName' | 'ownerUserName' | 'overdue' | 'unowned'>;
type CommitmentNames = Pick<CommitmentEntry, 'partyName' | 'confirmedByName'>;

const nameOf = (book: NameBook, key: 'parties' | 'users', id: unknown): string | null => {
  if (typeof id !== 'string') return null;
  const found = book[key].get(id);
  return found === undefined ? null : typeof found === 'string' ? found : found.name;
};

/** What only actions and commitments add to their entries. */
function extrasOf(block: StoredBlock, book: NameBook, today: string): ActionNames | CommitmentNames | Record<string, never> {
  switch (block.kind) {
    case 'action': {
      const { ownerPartyId, ownerUserId, due, status } = block.attrs;
      const ownerPartyName = nameOf(book, 'parties', ownerPartyId);
      const dueIsValid = block.valid || !block.issues.due;
      return {
        ownerPartyName,
        ownerUserName: nameOf(book, 'users', ownerUserId),
        overdue: dueIsValid && typeof due === 'string' && due < today && status !== 'done',
        // An owner that is not (or no longer) a party of this workspace owns nothing.
        unowned: ownerPartyName === null,
      };
    }
    case 'commitment':
      return { partyName: nameOf(book, 'parties', block.attrs.partyId), confirmedByName: nameOf(book, 'users', block.attrs.confirmedBy) };
    default:
      return {};
  }
}

/** `today` is YYYY-MM-DD, for the overdue flag of actions. */
export function presentRegisterRow(row: RegisterRow, book: NameBook, today: string): PresentedRegisterEntry {
  const block = parseBlockRow(row);
  const { id: _id, ...attrs } = block.attrs;
  const entry = {
    documentId: row.document_id,
    documentTitle: row.document_title,
    documentArchived: row.document_archived,
    blockId: row.block_id,
    ...attrs,
    text: row.text,
    valid: block.valid,
    issues: block.issues,
    createdByName: nameOf(book, 'users', attrs.createdBy),
    createdByPartyName: nameOf(book, 'parties', attrs.createdByParty),
    ...extrasOf(block, book, today),
  };
  // parseBlockRow hands out `valid` with the attributes it vouches for; the spreads above hide
  // that pairing from the compiler, not at run time.
  return entry as PresentedRegisterEntry;
}
