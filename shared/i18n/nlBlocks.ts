/**
 * Dutch wording of the structured blocks: their names, the names of their fields and of their
 * values, and how a missing or invalid value reads. The editor and the registers (through the
 * client's catalogue), the exports and the version diff all take these words from here.
 * Sentences of the interface around blocks (buttons, hints) stay in client/i18n.
 * `enBlocks.ts` must have exactly these keys.
 */
import type { BlockChoiceKey } from './blockWording';

export const nlBlocks = {
  'block.kind.action': 'Actie',
  'block.kind.commitment': 'Toezegging',
  'block.kind.reflection': 'Reflectiemoment',
  'block.kind.criterion': 'Criterium',
  'block.kinds.action': 'Acties',
  'block.kinds.commitment': 'Toezeggingen',
  'block.kinds.reflection': 'Reflectiemomenten',
  'block.kinds.criterion': 'Criteria en weging',

  'block.field.id': 'Id',
  'block.field.partyId': 'Partij',
  'block.field.confirmedBy': 'Bevestigd door',
  'block.field.confirmedAt': 'Bevestigd op',
  'block.field.createdByParty': 'Partij van de indiener',
  'block.proposedBy': 'Voorgesteld door',

  'block.notSet': 'niet ingevuld',
  'block.missingValue': 'Niet ingevuld.',
  'block.invalidValue': '{value} (ongeldig)',
  'block.invalidGeneric': 'Deze waarde klopt niet.',
  'block.attention': 'Let op: {message}',
  'block.unknownParty': 'Onbekende partij',
  /** Next to "Voorgesteld door", where it is clear a person is meant. */
  'block.unknownPerson': 'onbekend',
  /** In running text (exports, diffs), where it is not. */
  'block.unknownPersonInText': 'onbekende persoon',

  'action.ownerParty': 'Eigenaar',
  'action.noOwner': 'Nog geen eigenaar',
  'action.ownerUser': 'Trekker',
  'action.noOwnerUser': 'Nog niemand',
  'action.due': 'Klaar op',
  'action.status': 'Status',
  'action.status.open': 'Open',
  'action.status.in_progress': 'Bezig',
  'action.status.done': 'Klaar',
  'action.status.blocked': 'Vastgelopen',
  'action.funding': 'Financiering',
  'action.funding.existing': 'Bestaand werk en budget',
  'action.funding.extra': 'Extra financiering nodig',
  'action.funding.unknown': 'Nog onbekend',

  /** The label of the party field in the editor; `block.field.partyId` names it elsewhere. */
  'commitment.party': 'Partij die toezegt',
  'commitment.status': 'Status',
  'commitment.status.proposed': 'Voorgesteld',
  'commitment.status.confirmed': 'Bevestigd',
  'commitment.status.withdrawn': 'Ingetrokken',

  'reflection.date': 'Datum',
  'reflection.status': 'Status',
  'reflection.status.planned': 'Gepland',
  'reflection.status.held': 'Gehouden',

  'criterion.kind': 'Soort',
  'criterion.kind.selection': 'Selectiecriterium',
  'criterion.kind.award': 'Gunningscriterium',
  'criterion.kind.requirement': 'Eis (knock-out)',
  'criterion.weight': 'Weging',
  'criterion.category': 'Categorie',
  'criterion.category.quality': 'Kwaliteit',
  'criterion.category.price': 'Prijs',
  'criterion.category.social_value': 'Maatschappelijke waarde',
  'criterion.category.experience': 'Ervaring',
  'criterion.category.turnover': 'Omzet',
  'criterion.category.legal_form': 'Rechtsvorm',
  'criterion.category.other': 'Anders',
  'block.issue.dateFormat': 'Gebruik een datum als JJJJ-MM-DD.',
  'block.issue.noSuchDate': 'Dit is geen bestaande datum.',
  'block.issue.time': 'Dit is geen geldig tijdstip.',
  'block.issue.reference': 'Dit is geen geldige verwijzing.',
  'block.issue.noId': 'Blok zonder id.',
  'block.issue.idTooLong': 'Een blok-id heeft hoogstens 64 tekens.',
  'block.issue.idChars': 'Een blok-id bestaat alleen uit letters, cijfers, - en _.',
  'block.issue.commitmentParty': 'Kies de partij die dit toezegt.',
  'block.issue.status': 'Onbekende status.',
  'block.issue.example': 'Voorbeeld is waar of onwaar.',
  'block.issue.funding': 'Onbekende financiering.',
  'block.issue.criterionKind': 'Onbekende soort criterium.',
  'block.issue.weightNumber': 'Een weging is een getal van 0 tot 100.',
  'block.issue.weightInteger': 'Een weging is een heel getal.',
  'block.issue.min0': 'Minimaal 0.',
  'block.issue.max100': 'Maximaal 100.',
  'block.issue.category': 'Onbekende categorie.',
  'block.issue.duplicateId': 'Dit blok heeft hetzelfde id als een eerder blok.',
} satisfies Record<BlockChoiceKey, string> & Record<string, string>;
