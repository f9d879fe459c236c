/**
 * Request bodies of the private cards of a werksessie (issue 14, item 4): writing a card in a
 * private step and turning a revealed card into a paragraph or block of a document. Messages are
 * catalogue keys, as in ./schemas.ts.
 */
import { z } from 'zod';
import { proseText } from './schemas';

const id = z.string('validation.idRequired').min(1, 'validation.idRequired').max(64, 'validation.idRequired');

/** Limits the API and the card form share. */
export const cardLimits = { textMax: 1000 } as const;

export const writeCardReq = z
  .object({
    stepId: id,
    text: proseText(cardLimits.textMax, 'validation.cardTextRequired'),
    /** Once revealed, shown with the author's party but without their name. */
    anonymous: z.boolean('validation.boolean').default(false),
  })
  .strict();
export type WriteCardReq = z.input<typeof writeCardReq>;

export const listCardsQuery = z.object({ stepId: id });

/** What a card can become in a document: a plain paragraph or one of the structured blocks. */
export const promoteKinds = ['paragraph', 'action', 'commitment', 'criterion'] as const;
export type PromoteKind = (typeof promoteKinds)[number];

export const promoteCardReq = z
  .object({
    documentId: id,
    kind: z.enum(promoteKinds, 'validation.promoteKind'),
  })
  .strict();
export type PromoteCardReq = z.infer<typeof promoteCardReq>;
