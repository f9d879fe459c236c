/**
 * Items no Yjs client can make: an item whose origin, right origin or parent is an item of its
 * own client at its own clock or later. A real client only ever points at items that existed
 * when it typed, and its own of those have lower clocks. Yjs does not check this: such an item
 * fails half-way through integration, and while its other origin is missing it waits in
 * Yjs' pending set, so the honest update that later fills that gap fails with it - every time,
 * also after a reload (found while chasing a document the fuzz left unloadable).
 */
import * as Y from 'yjs';

type DecodedStructs = ReturnType<typeof Y.decodeUpdate>['structs'];

const pointsAtOwnFuture = (item: Y.Item, target: Y.ID | null | undefined): boolean =>
  target instanceof Y.ID && target.client === item.id.client && target.clock >= item.id.clock;

/** The first impossible item's id, or null when every item could have been typed. */
export function findImpossibleOrigin(structs: DecodedStructs): Y.ID | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (pointsAtOwnFuture(struct, struct.origin) || pointsAtOwnFuture(struct, struct.rightOrigin)) return struct.id;
    if (pointsAtOwnFuture(struct, struct.parent as Y.ID | null)) return struct.id;
  }
  return null;
}
