/**
 * What an export is made from, and the export model: the document turned once into headings,
 * paragraphs, lists, tables and grouped structured blocks, with every id already resolved to a
 * name and every label in Dutch. The four renderers only lay this model out; none of them
 * walks the Tiptap schema or looks at raw block attributes.
 */
import type * as Y from 'yjs';
import type { NameBook } from '../presenters/registers';

export interface AdoptionPartyInput {
  name: string;
  color: string;
  signedBy: string | null;
  signedAt: string | null;
  declined?: { by: string; reason: string } | null;
}

export interface ExportInput {
  /** The stored Yjs state to export (a version or the current document), never a client DOM. */
  doc: Y.Doc;
  title: string;
  workspaceName: string;
  versionLabel: string | null;
  adoption: { status: 'adopted' | 'pending' | 'none'; parties: AdoptionPartyInput[] } | null;
  names: NameBook;
  exportedAt: Date;
}

export interface ExportResult {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/** A piece of text with its marks. `href` is set only for an allowed http(s)/mailto link. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string | null;
}

/** Lines of rich text: each line is one paragraph (or one flattened list item). */
export type RichLines = Run[][];

export interface ActionRow {
  text: RichLines;
  ownerParty: string;
  ownerPartyColor: string | null;
  ownerUser: string;
  due: string;
  status: string;
  funding: string;
  /** "Let op: …" lines for attributes that do not validate. */
  notices: string[];
}

export interface CommitmentItem {
  text: RichLines;
  status: string;
  /** "Bevestigd door … op …", or null. */
  confirmation: string | null;
  notices: string[];
}

export interface CommitmentGroup {
  party: string;
  /** A safe `#rrggbb` colour, or null when the block names no (known) party. */
  color: string | null;
  items: CommitmentItem[];
}

export interface ReflectionItem {
  /** The formatted date, or "Nog geen datum". */
  date: string;
  status: string;
  text: RichLines;
  notices: string[];
}

export interface CriterionRow {
  text: RichLines;
  kind: string;
  category: string;
  weight: string;
  notices: string[];
}

export interface AwardTotal {
  /** "Totaal gunningsweging: 90 van 100". */
  label: string;
  /** "Let op: …" when the weights do not add up to 100 or some are missing or invalid. */
  notices: string[];
}

export type ExportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; quote?: boolean }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }
  | { kind: 'list'; ordered: boolean; start: number; items: ExportBlock[][] }
  | { kind: 'table'; rows: { header: boolean; cells: RichLines[] }[] }
  | { kind: 'actions'; rows: ActionRow[] }
  | { kind: 'commitments'; groups: CommitmentGroup[] }
  | { kind: 'reflections'; items: ReflectionItem[] }
  | { kind: 'criteria'; rows: CriterionRow[]; total: AwardTotal | null };

export interface AdoptionPartyLine {
  party: string;
  color: string;
  /** "Getekend door … op …", "Nog niet getekend", "Afgewezen door …: …". */
  state: string;
}

export interface ExportModel {
  title: string;
  /** The language of the export's text as a BCP 47 tag ("nl-NL"): PDF and ODT declare it. */
  language: string;
  /** Label/value pairs under the title: workspace, version, status, export time. */
  meta: { label: string; value: string }[];
  /** The signing parties, when the version was proposed for adoption. */
  parties: AdoptionPartyLine[];
  body: ExportBlock[];
}
