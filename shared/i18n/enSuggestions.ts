import type { nlSuggestions } from './nlSuggestions';

/** English texts for the "Suggest" mode and the list of open suggestions. */
export const enSuggestions: Record<keyof typeof nlSuggestions, string> = {
  'suggest.modeGroup': 'Edit or suggest',
  'suggest.modeEdit': 'Edit',
  'suggest.modeSuggest': 'Suggest',
  'suggest.modeEditHint': 'Your changes change the text straight away.',
  'suggest.modeSuggestHint': 'Your changes become suggestions that someone else accepts or rejects.',
  'suggest.onlySuggest': 'You are writing in Suggest mode: what you type or remove becomes a suggestion.',
  'suggest.waitForSave': 'Wait a moment until your last change is saved.',
  'suggest.refused.newParagraph': 'In Suggest mode you can only suggest text within existing paragraphs, not a new paragraph.',
  'suggest.refused.notText': 'In Suggest mode you can only type and remove text, not change formatting or blocks.',
  'suggest.refused.undo': 'Undo does not work in Suggest mode: remove your own suggestion with Backspace.',
  'suggest.panelTitle': 'Suggestions',
  'suggest.none': 'No open suggestions.',
  'suggest.kind.insert': 'Add',
  'suggest.kind.delete': 'Remove',
  'suggest.by': 'Suggested by {name}',
  'suggest.gone': '(the text is gone)',
  'suggest.accept': 'Accept',
  'suggest.reject': 'Reject',
  'suggest.acceptLabel': 'Accept suggestion "{text}"',
  'suggest.rejectLabel': 'Reject suggestion "{text}"',
  'suggest.accepted': 'Suggestion accepted.',
  'suggest.rejected': 'Suggestion rejected.',
};
