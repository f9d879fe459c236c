/** The document's criteria at a glance: live total of the award weights and the barrier check. */
import { useEditorState, type Editor } from '@tiptap/react';
import { checkCriteria, type CriterionInput } from '../../blocks/criteriaCheck';
import { CriteriaSummary } from '../../blocks/CriteriaWarnings';
import { useT } from '../../i18n/I18n';

interface CriterionSnapshot extends CriterionInput {
  kind: unknown;
}

function criteriaOf(editor: Editor): CriterionSnapshot[] {
  const found: CriterionSnapshot[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name !== 'criterion') return true;
    const { id, kind, weight, category } = node.attrs as Record<string, unknown>;
    const lines: string[] = [];
    node.forEach((child) => lines.push(child.textContent));
    found.push({ blockId: typeof id === 'string' ? id : '', kind, weight, category, text: lines.join('\n') });
    return false;
  });
  return found;
}

export function CriteriaPanel({ editor, onJump }: { editor: Editor; onJump: (blockId: string) => void }) {
  const t = useT();
  const criteria = useEditorState({ editor, selector: ({ editor: e }) => criteriaOf(e) });
  if (criteria.length === 0) return null;
  const check = checkCriteria(criteria);
  const count = (kind: string) => criteria.filter((c) => c.kind === kind).length;

  return (
    <section className="side-panel criteria-panel" aria-labelledby="criteria-panel-title" data-testid="criteria-panel">
      <h2 id="criteria-panel-title">{t('criteria.title')}</h2>
      <p className="criteria-panel__counts muted">
        {t('criteria.counts', { award: check.awardCount, selection: count('selection'), requirement: count('requirement') })}
      </p>
      <CriteriaSummary
        check={check}
        renderJump={(blockId) =>
          blockId ? (
            <button type="button" className="button button--ghost button--small criteria-warning__jump" onClick={() => onJump(blockId)}>
              {t('criteria.jump')}
            </button>
          ) : null
        }
      />
    </section>
  );
}
