/**
 * Responses of the registers (`GET /api/workspaces/:id/actions|commitments|reflections|criteria`),
 * of who contributed, of the calendar feed and of the workspace's event stream.
 */
import type { BlockAttrs, BlockName, StoredValue } from '../blocks/attrs';

/** A register holds no examples (see `exampleAttr`), so its entries carry no example mark. */
type AttrFields<N extends BlockName> = Omit<BlockAttrs<N>, 'id' | 'example'>;

/**
 * A block's attributes, flattened into its register entry: the schema's types when `valid`,
 * otherwise whatever the document held (`issues` says per field what is wrong). A block whose
 * id repeats an earlier one is invalid with valid attributes.
 */
export type EntryAttrs<N extends BlockName> =
  | ({ valid: true } & AttrFields<N>)
  | ({ valid: false } & { [K in keyof AttrFields<N>]?: StoredValue });

/** What every register entry has besides its block's attributes. */
export interface RegisterEntryBase {
  documentId: string;
  documentTitle: string;
  documentArchived: boolean;
  blockId: string;
  text: string;
  issues: Record<string, string>;
  createdByName: string | null;
  createdByPartyName: string | null;
}

/** An action in the Acties register, with its owner's names resolved. */
export type ActionEntry = RegisterEntryBase &
  EntryAttrs<'action'> & {
    ownerPartyName: string | null;
    ownerUserName: string | null;
    overdue: boolean;
    /** No owner, or an owner that is not (or no longer) a party of this workspace. */
    unowned: boolean;
  };

/** A commitment in the Toezeggingen register, with the party's and the confirmer's names. */
export type CommitmentEntry = RegisterEntryBase &
  EntryAttrs<'commitment'> & {
    partyName: string | null;
    confirmedByName: string | null;
  };

/** A reflection moment in the Reflectiemomenten register. */
export type ReflectionEntry = RegisterEntryBase & EntryAttrs<'reflection'>;

/** A criterion in the Criteria register. */
export type CriterionEntry = RegisterEntryBase & EntryAttrs<'criterion'>;

/** Register name (the URL segment) -> its entries. */
export interface RegisterEntries {
  actions: ActionEntry;
  commitments: CommitmentEntry;
  reflections: ReflectionEntry;
  criteria: CriterionEntry;
}
export type RegisterName = keyof RegisterEntries;
/** An entry of any register. */
export type RegisterEntry = RegisterEntries[RegisterName];

/** `GET /api/workspaces/:id/contributions`: one row per party. */
export interface WorkspaceContribution {
  partyId: string;
  partyName: string;
  color: string;
  blocksProposed: number;
  actionsOwned: number;
  commitmentsMade: number;
  commitmentsConfirmed: number;
  /** Comments its members wrote in the workspace's threads. */
  comments: number;
}

/** `POST /api/workspaces/:id/calendar-feed`: the caller's new secret iCalendar address. */
export interface CalendarFeed {
  url: string;
}

/**
 * Events of `GET /api/workspaces/:id/events` (Server-Sent Events). They say what changed, never
 * the data: the client fetches again through the API, where the policy applies.
 */
export type WorkspaceEventName = 'registers' | 'versions' | 'session' | 'threads' | 'suggestions';

/** The data of a document's event: which document changed; a `session` event names its session. */
export type WorkspaceEventData = { documentId: string } | { sessionId: string };

/**
 * Events of `GET /api/me/events`, the signed-in person's own stream on every page:
 * `notifications` says their inbox changed (its data is `{}`; the client fetches the inbox).
 */
export type PersonalEventName = 'notifications';
