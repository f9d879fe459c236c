/**
 * Commands on versions: save the current document as a named version, restore a version as a
 * new change on top of the current document (history stays as it was, and everyone connected
 * sees it arrive like any edit) after a backup version of what was there, and delete a version
 * no adoption uses.
 */
import { updateYFragment } from '@tiptap/y-tiptap';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../shared/editor/schema';
import type { Services } from '../context';
import { noteAnchors, restoreAnchors } from '../comments/keepAnchorsOnRestore';
import { ConflictError, NotFoundError } from '../errors';
import { commitmentGuardOf } from '../extensions/commitmentGuard';
import type { DocumentRow, VersionRow } from '../storage/rows';
import { sanitizeForSchema } from '../versions/sanitizeForSchema';
import { jsonFromState } from '../versions/versionContent';
import type { KeptVersion } from '../versions/VersionKeeper';

/** Written to the audit log, and announced to the workspace's open pages. */
async function versionsChanged(services: Services, document: DocumentRow, userId: string, action: string, detail: unknown): Promise<void> {
  await services.repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId, action, detail });
  services.events.publish(document.workspace_id, 'versions', { documentId: document.id });
}

/** An unchanged document gets no new version: the answer is the latest one, `created` false. */
export async function createVersion(services: Services, document: DocumentRow, input: { userId: string; label: string }): Promise<KeptVersion> {
  const { registry, versionKeeper } = services;
  const kept = await registry.withRoom(document.id, (room) =>
    versionKeeper.create(document.id, room.doc, { label: input.label, kind: 'manual', userId: input.userId }),
  );
  if (kept.created) {
    const replaced = kept.replacedId ? { replacedVersionId: kept.replacedId } : {};
    await versionsChanged(services, document, input.userId, 'version.create', { versionId: kept.version.id, label: input.label, ...replaced });
  }
  return kept;
}

export async function restoreVersion(
  services: Services,
  document: DocumentRow,
  version: VersionRow,
  by: { userId: string; partyId: string | null },
): Promise<{ backup: VersionRow }> {
  const { registry, versionKeeper } = services;
  // A stored state may hold node types this build no longer knows: they never block a restore.
  const schema = documentSchema();
  const restored = schema.nodeFromJSON(sanitizeForSchema(jsonFromState(version.state), schema));
  const backup = await registry.withRoom(document.id, async (room) => {
    // When nothing changed since the latest version, that version is the backup.
    const { version: before } = await versionKeeper.create(document.id, room.doc, {
      label: `Voor het terugzetten van '${version.label}'`,
      kind: 'before_restore',
      userId: by.userId,
    });
    await room.applyServerChange((doc) => {
      const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
      const anchors = noteAnchors(fragment);
      updateYFragment(doc, fragment, restored, { mapping: new Map(), isOMark: new Map() });
      // No thread is lost: one whose text the restore left unchanged keeps its mark.
      restoreAnchors(doc, fragment, anchors);
      // A restore may bring back an old confirmation: the recorded decisions still rule.
      commitmentGuardOf(room).enforceAll(fragment);
    }, by);
    return before;
  });
  await versionsChanged(services, document, by.userId, 'version.restore', { versionId: version.id, backupVersionId: backup.id });
  return { backup };
}

/** Deletes a version, unless an adoption request uses it (409): a signed text must stay readable. */
export async function deleteVersion(services: Services, document: DocumentRow, version: VersionRow, userId: string): Promise<void> {
  const outcome = await services.repos.versions.delete(version.id);
  if (outcome === 'missing') throw new NotFoundError('error.versionMissing');
  if (outcome === 'adopted') {
    throw new ConflictError('version_in_adoption', 'error.versionInAdoption');
  }
  await versionsChanged(services, document, userId, 'version.delete', { versionId: version.id, label: version.label, kind: version.kind });
}
