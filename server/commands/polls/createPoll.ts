/**
 * Command: the chair opens a poll in a running session (issue 14, item 5). Options may stand for
 * criterion blocks of the workspace's documents, found in the register index (the blocks as the
 * documents hold them); a block id that is not a criterion there is a 400 on that option.
 */
import type { CreatePollReq } from '../../../shared/api/pollSchemas';
import { defaultPointsBudget } from '../../../shared/sessions/polls';
import type { Services } from '../../context';
import { ValidationError, type ServerMessage } from '../../errors';
import { newId } from '../../storage/ids';
import type { PollOptionRow, PollRow, WorkSessionRow } from '../../storage/rows';
import { publishSessionChange } from '../sessions/publishSessionChange';

export async function createPoll(services: Services, session: WorkSessionRow, body: CreatePollReq, userId: string): Promise<PollRow> {
  const { repos } = services;
  const faults: Record<string, ServerMessage> = {};
  if (body.stepId && !(await repos.workSessions.listSteps(session.id)).some((step) => step.id === body.stepId)) faults.stepId = 'error.stepMissing';
  if (body.kind === 'dots' && body.budget === undefined) faults.budget = 'validation.pollBudgetRequired';
  const pollId = newId();
  const options = await optionRows(services, session.workspace_id, pollId, body, faults);
  if (Object.keys(faults).length > 0) throw new ValidationError(faults);
  const counted = body.kind === 'points' || body.kind === 'dots';
  const poll: PollRow = {
    id: pollId,
    session_id: session.id,
    step_id: body.stepId ?? null,
    question: body.question,
    kind: body.kind,
    budget: counted ? (body.budget ?? defaultPointsBudget) : null,
    // Only dots have a most per option; without one, all of a ballot's dots may go on one.
    max_per_option: body.kind === 'dots' ? (body.maxPerOption ?? null) : null,
    unit: body.unit,
    anonymous: body.anonymous ? 1 : 0,
    results_hidden: body.resultsHidden ? 1 : 0,
    status: 'open',
    created_by: userId,
    created_at: Date.now(),
    closed_at: null,
    weights_applied_at: null,
  };
  await repos.polls.create(poll, options);
  publishSessionChange(services, session);
  return poll;
}

async function optionRows(services: Services, workspaceId: string, pollId: string, body: CreatePollReq, faults: Record<string, ServerMessage>): Promise<PollOptionRow[]> {
  const wantsCriteria = body.options.some((option) => option.blockId);
  const criteria = wantsCriteria ? await services.repos.blocks.listForWorkspace(workspaceId, 'criterion') : [];
  const used = new Set<string>();
  return body.options.map((option, position) => {
    let documentId: string | null = null;
    if (option.blockId) {
      // Block ids are unique within a document; one found in two documents (a copy) is ambiguous.
      const found = criteria.filter((block) => block.block_id === option.blockId && block.valid === 1);
      if (found.length !== 1) faults[`options.${position}.blockId`] = 'validation.pollOptionNotCriterion';
      else if (used.has(option.blockId)) faults[`options.${position}.blockId`] = 'validation.pollOptionTwice';
      else documentId = found[0]!.document_id;
      used.add(option.blockId);
    }
    return { id: newId(), poll_id: pollId, position, label: option.label, document_id: documentId, block_id: option.blockId ?? null };
  });
}
