/**
 * Request bodies of the poll API (issue 14, items 5 and 6). Messages are catalogue keys, worded
 * where they are shown. What a ballot must add up to depends on its poll: that check is the
 * server's (server/sessions/ballotRules.ts), the shape is checked here.
 */
import { z } from 'zod';
import { displayText, proseText } from './schemas';
import { consentStances, pollKinds, pollLimits, pollUnits } from '../sessions/polls';

const id = z.string().min(1).max(64);
const wholeNumber = (message: string, min: number, max: number) => z.number(message).int(message).min(min, message).max(max, message);

export const pollOptionInput = z
  .object({
    label: displayText('validation.pollOptionLabel', pollLimits.optionLabelMax),
    /** A criterion block of a document in the session's workspace. */
    blockId: id.optional(),
  })
  .strict();

export const createPollReq = z
  .object({
    question: displayText('validation.pollQuestion', pollLimits.questionMax),
    kind: z.enum(pollKinds, 'validation.pollKind'),
    options: z.array(pollOptionInput).min(pollLimits.minOptions, 'validation.pollOptions').max(pollLimits.maxOptions, 'validation.pollOptions'),
    budget: wholeNumber('validation.pollBudget', 1, pollLimits.maxBudget).optional(),
    maxPerOption: wholeNumber('validation.pollMaxPerOption', 1, pollLimits.maxBudget).optional(),
    unit: z.enum(pollUnits, 'validation.pollUnit'),
    anonymous: z.boolean('validation.boolean'),
    resultsHidden: z.boolean('validation.boolean'),
    stepId: id.optional(),
  })
  .strict();
export type CreatePollReq = z.infer<typeof createPollReq>;

/** Points, dots and scores are whole numbers; a consent ballot gives each option a stance. */
export const allocationInput = z
  .object({
    optionId: id,
    value: z.union([z.number().int('validation.ballotValue'), z.enum(consentStances)], 'validation.ballotValue'),
  })
  .strict();
export type AllocationInput = z.infer<typeof allocationInput>;

export const castBallotReq = z
  .object({
    allocations: z.array(allocationInput).max(pollLimits.maxOptions, 'validation.ballotOptions'),
    reason: proseText(pollLimits.reasonMax).optional(),
  })
  .strict();
export type CastBallotReq = z.infer<typeof castBallotReq>;
