/** Dutch words for block kinds, fields and values, for diffs, exports and logs the server writes. */
export const blockKindLabels = {
  action: 'actie',
  commitment: 'toezegging',
  reflection: 'reflectiemoment',
  criterion: 'criterium',
} as const;

export const blockFieldLabels: Record<string, string> = {
  ownerPartyId: 'eigenaar',
  ownerUserId: 'persoon',
  due: 'deadline',
  status: 'status',
  funding: 'financiering',
  partyId: 'partij',
  confirmedBy: 'bevestigd door',
  confirmedAt: 'bevestigd op',
  date: 'datum',
  kind: 'soort',
  weight: 'weging',
  category: 'categorie',
};

export const blockValueLabels: Record<string, string> = {
  proposed: 'voorgesteld',
  confirmed: 'bevestigd',
  withdrawn: 'ingetrokken',
  open: 'open',
  in_progress: 'bezig',
  done: 'klaar',
  blocked: 'geblokkeerd',
  existing: 'past in bestaand werk en budget',
  extra: 'extra financiering nodig',
  unknown: 'nog onbekend',
  planned: 'gepland',
  held: 'gehouden',
  selection: 'selectiecriterium',
  award: 'gunningscriterium',
  requirement: 'eis',
  quality: 'kwaliteit',
  price: 'prijs',
  social_value: 'maatschappelijke waarde',
  experience: 'ervaring',
  turnover: 'omzet',
  legal_form: 'rechtsvorm',
  other: 'overig',
};

/** Fields whose values are party or user ids, to be shown as names. */
export const partyFields = new Set(['ownerPartyId', 'partyId', 'createdByParty']);
export const userFields = new Set(['ownerUserId', 'confirmedBy', 'createdBy']);
