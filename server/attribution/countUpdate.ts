/**
 * What one Yjs update did, in numbers a person understands: characters written, characters
 * (and other items) deleted, structured blocks inserted, and which Yjs client ids it carries.
 */
import * as Y from 'yjs';
import { isBlockName } from '../../shared/blocks/attrs';
import type { AttributionCounts } from '../storage/rows';

export function countUpdate(update: Uint8Array): { counts: AttributionCounts; clientIds: number[] } {
  const { structs, ds } = Y.decodeUpdate(update);
  const counts: AttributionCounts = { charsInserted: 0, charsDeleted: 0, blocksInserted: 0 };
  const clientIds = new Set<number>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    clientIds.add(struct.id.client);
    const content = struct.content;
    if (content instanceof Y.ContentString) counts.charsInserted += content.str.length;
    else if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && isBlockName(content.type.nodeName)) {
      counts.blocksInserted += 1;
    }
  }
  // The delete set names ranges of items, mostly characters; formatting marks count too,
  // which is close enough for "how much did this party remove".
  for (const deletions of ds.clients.values()) {
    for (const deletion of deletions) counts.charsDeleted += deletion.len;
  }
  return { counts, clientIds: [...clientIds] };
}
