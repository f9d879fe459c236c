/**
 * THE Tiptap nodes of the structured blocks, without views: the browser adds React node views
 * with `.extend({ addNodeView })`, the server uses them as they are to read and export
 * documents. Attributes travel in HTML as `data-*` attributes, so copy-paste and HTML exports
 * keep every one of them.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { blockDefaults, exampleAttr, type BlockName } from './attrs';

const identityAttrNames = ['id', 'createdBy', 'createdByParty'] as const;

/** `ownerPartyId` -> `data-owner-party-id`. */
export function dataAttributeName(attr: string): string {
  return `data-${attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * A template's example mark: a boolean, false unless set. In HTML only a marked block carries
 * `data-example="true"`, so pasted or exported blocks keep the mark and nothing else grows.
 */
const exampleSpec = {
  default: false,
  parseHTML: (element: HTMLElement) => element.getAttribute(dataAttributeName(exampleAttr)) === 'true',
  renderHTML: (attrs: Record<string, unknown>) => (attrs[exampleAttr] === true ? { [dataAttributeName(exampleAttr)]: 'true' } : {}),
};

function attributeSpecs(name: BlockName) {
  const names = [...identityAttrNames, ...Object.keys(blockDefaults[name])];
  const specs = Object.fromEntries(
    names.map((attr) => {
      const fallback = (blockDefaults[name] as Record<string, unknown>)[attr] ?? null;
      return [
        attr,
        {
          default: fallback,
          parseHTML: (element: HTMLElement) => {
            const value = element.getAttribute(dataAttributeName(attr));
            if (value === null) return fallback;
            // Numbers stay numbers (criterion weight); everything else is a string.
            return typeof fallback === 'number' || attr === 'weight' ? (value === '' ? null : Number(value)) : value;
          },
          renderHTML: (attrs: Record<string, unknown>) =>
            attrs[attr] === null || attrs[attr] === undefined ? {} : { [dataAttributeName(attr)]: String(attrs[attr]) },
        },
      ];
    }),
  );
  return { ...specs, [exampleAttr]: exampleSpec };
}

/** What each block may hold: short text for most, questions and notes for a reflection. */
const contentOf: Record<BlockName, string> = {
  commitment: 'paragraph+',
  action: 'paragraph+',
  criterion: 'paragraph+',
  reflection: '(paragraph | bulletList | orderedList)+',
};

function blockNode(name: BlockName) {
  return Node.create({
    name,
    group: 'block',
    content: contentOf[name],
    defining: true,
    isolating: true,
    draggable: true,
    addAttributes: () => attributeSpecs(name),
    parseHTML: () => [{ tag: `div[data-block="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes({ 'data-block': name, class: `block block-${name}` }, HTMLAttributes), 0],
  });
}

export const CommitmentNode = blockNode('commitment');
export const ActionNode = blockNode('action');
export const ReflectionNode = blockNode('reflection');
export const CriterionNode = blockNode('criterion');

/** The four block nodes, in the order the insert menu shows them. */
export const blockNodes = [ActionNode, CommitmentNode, ReflectionNode, CriterionNode];
