/**
 * A document's open suggestions, fetched again whenever the workspace says suggestions changed
 * (someone suggested, accepted or rejected). Also which ones are this person's own: the ids the
 * server recorded for them, and the ones this page made that the server has not listed yet.
 */
import { useCallback, useMemo, useRef } from 'react';
import { api } from '../api';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { useResource } from '../useResource';
import type { SuggestContext } from '../editor/suggest/suggestionEdits';

export function useSuggestions(workspaceId: string, documentId: string, myId: string) {
  const { resource, reload } = useResource(() => api.suggestions(documentId), [documentId]);
  useWorkspaceEvents(workspaceId, reload, 'suggestions');
  const suggestions = useMemo(() => (resource.status === 'ready' ? resource.data : []), [resource]);
  const listed = useRef(new Set<string>());
  listed.current = new Set(suggestions.filter((s) => s.suggester.id === myId).map((s) => s.id));
  const made = useRef(new Set<string>());
  const isOwn = useCallback((id: string) => made.current.has(id) || listed.current.has(id), []);
  // Read through refs: the editor keeps this object for its whole life.
  const context = useMemo<SuggestContext>(
    () => ({
      isOwn,
      newId: () => {
        const id = crypto.randomUUID();
        made.current.add(id);
        return id;
      },
    }),
    [isOwn],
  );
  return { suggestions, resource, reload, context };
}
