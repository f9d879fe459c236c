/**
 * The one way to read a register row's attributes back: typed by the block's schema when the
 * row is valid, as the raw values the document held when it is not. Every reader of stored
 * blocks (register responses, who contributed, the calendar feed, document contributions)
 * starts here, so nothing downstream guesses at `Record<string, unknown>`.
 */
import { isBlockName, toRawAttrs, type BlockAttrs, type BlockName, type RawAttrs } from '../../shared/blocks/attrs';
import type { BlockRow } from '../storage/rows';

/** The columns that hold a stored block's kind and attributes. */
export type StoredBlockColumns = Pick<BlockRow, 'kind' | 'attrs' | 'valid' | 'issues'>;

type StoredBlockOf<N extends BlockName> = { kind: N; issues: Record<string, string> } & (
  | { valid: true; attrs: BlockAttrs<N> }
  | { valid: false; attrs: RawAttrs }
);

/** A stored block: narrow on `kind`, then on `valid`, to get the schema's attribute types. */
export type StoredBlock = { [N in BlockName]: StoredBlockOf<N> }[BlockName];

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function parseIssues(json: string): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const [field, message] of Object.entries(parseObject(json))) if (typeof message === 'string') issues[field] = message;
  return issues;
}

export function parseBlockRow(row: StoredBlockColumns): StoredBlock {
  const { kind } = row;
  // The indexer writes only block names; another kind means the table was edited by hand.
  if (!isBlockName(kind)) throw new Error(`register row of unknown block kind '${kind}'`);
  const attrs = toRawAttrs(parseObject(row.attrs));
  const issues = parseIssues(row.issues);
  if (!row.valid) return { kind, valid: false, attrs, issues };
  // A valid row holds its schema's output (RegisterIndexer stores what extractBlocks validated),
  // and a schema change comes with a migration of the stored rows. Validating every row again
  // on every register request would only cost time, so the row's own verdict is trusted here.
  return { kind, valid: true, attrs, issues } as StoredBlock;
}
