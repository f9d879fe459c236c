/**
 * The block nodes of shared/blocks with their React node views. The outer element carries
 * `id="block-<id>"` (deep links from the registers), `data-block-id` and a test id.
 */
import type { ComponentType } from 'react';
import type { Node } from '@tiptap/core';
import { ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import type { BlockName } from '../../../shared/blocks/attrs';
import { ActionNode, CommitmentNode, CriterionNode, ReflectionNode } from '../../../shared/blocks/nodes';
import { ActionView } from './ActionView';
import { CommitmentView } from './CommitmentView';
import { CriterionView } from './CriterionView';
import { ReflectionView } from './ReflectionView';

function withView(node: Node, kind: BlockName, view: ComponentType<ReactNodeViewProps>) {
  return node.extend({
    addNodeView() {
      return ReactNodeViewRenderer(view, {
        className: 'block-view',
        attrs: ({ node: current }) => {
          const id = typeof current.attrs.id === 'string' ? current.attrs.id : '';
          return { id: `block-${id}`, 'data-block-id': id, 'data-testid': `block-${kind}`, 'data-block': kind };
        },
      });
    },
  });
}

/** Same order as shared/blocks `blockNodes`. */
export const blockViewNodes = [
  withView(ActionNode, 'action', ActionView),
  withView(CommitmentNode, 'commitment', CommitmentView),
  withView(ReflectionNode, 'reflection', ReflectionView),
  withView(CriterionNode, 'criterion', CriterionView),
];
