/** The lines under the title: workspace, version, adoption status with its parties, export time. */
import { exportLanguage, formatTime, safeColor, say, words } from '../labels';
import type { AdoptionPartyInput, AdoptionPartyLine, ExportInput, ExportModel } from '../types';

function partyState(party: AdoptionPartyInput): string {
  if (party.declined) {
    const reason = party.declined.reason.trim();
    return reason ? say('exportDoc.declinedWithReason', { by: party.declined.by, reason }) : say('exportDoc.declined', { by: party.declined.by });
  }
  if (party.signedBy || party.signedAt) {
    const by = party.signedBy ? say('exportDoc.signedBy', { by: party.signedBy }) : '';
    const at = party.signedAt ? say('exportDoc.signedAt', { at: formatTime(party.signedAt) }) : '';
    return say('exportDoc.signed', { by, at });
  }
  return words.notSigned;
}

export function frontMatter(input: ExportInput): Omit<ExportModel, 'body'> {
  const status = input.adoption?.status ?? 'none';
  const statusText = status === 'adopted' ? words.adopted : status === 'pending' ? words.pending : words.notAdopted;
  const title = input.title.trim() || say('exportDoc.untitled');
  return {
    title,
    language: exportLanguage,
    meta: [
      { label: words.workspace, value: input.workspaceName },
      { label: words.version, value: input.versionLabel?.trim() || words.currentVersion },
      { label: words.adoption, value: statusText },
      { label: words.exportedAt, value: formatTime(input.exportedAt) },
    ],
    parties:
      status === 'none'
        ? []
        : (input.adoption?.parties ?? []).map(
            (party): AdoptionPartyLine => ({ party: party.name, color: safeColor(party.color) ?? '#777777', state: partyState(party) }),
          ),
  };
}
