/**
 * Follow-me for a participant: while following, the chair's place (a document, maybe a block)
 * is where this screen goes whenever it changes. Stepping out stops that until stepping in
 * again; a new place from the chair does not pull someone who stepped out.
 */
import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import { navigate } from '../router';
import { blockPath, documentPath } from '../routes';

/** Per session, whether this tab stepped out: kept across pages, so opening another one does not pull someone back in. */
const steppedOut = new Set<string>();

export function useFollow(session: SessionDetail | null, currentDocumentId: string | null, reveal?: (blockId: string) => void) {
  const sessionId = session?.id ?? null;
  const [followingState, setFollowingState] = useState(true);
  const following = sessionId ? !steppedOut.has(sessionId) && followingState : followingState;
  const setFollowing = (next: boolean) => {
    if (sessionId) {
      if (next) steppedOut.delete(sessionId);
      else steppedOut.add(sessionId);
    }
    setFollowingState(next);
  };
  const follow = session && !session.youChair && session.status === 'running' ? session.follow : null;
  const target = follow ? `${follow.documentId}#${follow.blockId ?? ''}` : null;

  useEffect(() => {
    if (!following || !follow) return;
    if (follow.documentId !== currentDocumentId) {
      navigate(follow.blockId ? blockPath(follow.documentId, follow.blockId) : documentPath(follow.documentId));
    } else if (follow.blockId) {
      reveal?.(follow.blockId);
    }
    // `target` names the place; the rest follows from it.
  }, [target, following]);

  return { following, setFollowing };
}
