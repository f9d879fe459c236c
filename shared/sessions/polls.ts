/**
 * What a poll of a werksessie is (issue 14, item 5). Shared by the server (validation,
 * counting) and the client (the ballot forms, the results).
 */

/**
 * Kinds of poll: `points` spreads exactly the budget over the options, `dots` puts at most the
 * budget of dots (at most `maxPerOption` on one option), `score` gives every option 1 to 5,
 * `consent` gives every option a stance.
 */
export const pollKinds = ['points', 'dots', 'score', 'consent'] as const;
export type PollKind = (typeof pollKinds)[number];

/** Who a ballot speaks for: one person, or a whole party (one ballot per party, replaceable). */
export const pollUnits = ['person', 'party'] as const;
export type PollUnit = (typeof pollUnits)[number];

/**
 * A stance in a consent poll, per option (a proposal): instemmen, nog bespreken, bezwaar. A
 * ballot with an objection must say why.
 */
export const consentStances = ['consent', 'discuss', 'object'] as const;
export type ConsentStance = (typeof consentStances)[number];

export const pollStatuses = ['open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** Limits the API and the forms share. */
export const pollLimits = {
  questionMax: 300,
  optionLabelMax: 200,
  minOptions: 1,
  maxOptions: 20,
  maxBudget: 1000,
  reasonMax: 2000,
  scoreMin: 1,
  scoreMax: 5,
} as const;

/** The budget a new points poll gets when the chair names none: the weights' own scale. */
export const defaultPointsBudget = 100;
