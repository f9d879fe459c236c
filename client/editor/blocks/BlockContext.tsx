import { createContext, useContext } from 'react';
import type { SuggestionRes } from '../../../shared/api/suggestions';
import type { Member, Party } from '../../../shared/api/workspaces';

/** Who is writing, and what the node views need to show names, parties and controls. */
export interface BlockEnv {
  documentId: string;
  me: { id: string; name: string; partyId: string | null };
  parties: Party[];
  members: Member[];
  canWrite: boolean;
  /** May confirm or withdraw commitments of their own party (write or comment). */
  canDecide: boolean;
  /** The block opened from a register link, highlighted for a moment. */
  highlightId: string | null;
  /** A stored version shown read-only: values only, no controls, no decisions to take. */
  frozen?: boolean;
  /**
   * In "Voorstellen" (issue 15): a changed field of a block becomes a suggestion instead of a
   * change; absent when this person writes directly or only reads.
   */
  proposeField?: (blockId: string, changes: Record<string, string | number | null>) => void;
  /** The document's open suggested changes of block fields, shown on their blocks. */
  fieldSuggestions?: readonly SuggestionRes[];
}

const BlockEnvContext = createContext<BlockEnv | null>(null);

export const BlockEnvProvider = BlockEnvContext.Provider;

/** Read by the node views, which React renders as portals inside <EditorContent>. */
export function useBlockEnv(): BlockEnv {
  const env = useContext(BlockEnvContext);
  if (!env) throw new Error('Block node views need a <BlockEnvProvider> around <EditorContent>');
  return env;
}

/** Identity written into a block when this person inserts it. */
export interface BlockIdentity {
  userId: string;
  partyId: string | null;
}
