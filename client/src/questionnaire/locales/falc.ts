import { setupLocale } from 'survey-core';
import type { UsedSurveyStrings } from './strings.ts';

// Français facile (FALC) as a custom locale: short sentences, everyday words, no abbreviation.
export const falcSurveyStrings: UsedSurveyStrings = {
  pagePrevText: 'Retour',
  pageNextText: 'Suivant',
  completeText: 'Envoyer',
  loadingSurvey: 'Le questionnaire arrive…',
  emptySurvey: 'Ce questionnaire est vide.',
  requiredError: 'Réponds à cette question.',
  textMaxLength: 'Écris {0} lettres au maximum.',
  maxSelectError: 'Choisis {0} réponses au maximum.',
  minSelectError: 'Choisis {0} réponses au minimum.',
  otherItemText: 'Autre chose (écris-le)',
  noneItemText: 'Aucune',
  selectAllItemText: 'Tout choisir',
  progressText: 'Page {0} sur {1}',
  indexText: '{0} sur {1}',
  questionsProgressText: 'Tu as répondu à {0} questions sur {1}',
  savingDataError: 'Il y a un problème. Tes réponses sont gardées sur le téléphone.',
  completingSurveyBefore: 'Tu as déjà répondu à ce questionnaire.',
};

setupLocale({ localeCode: 'fr-x-falc', strings: falcSurveyStrings, nativeName: 'Français facile', englishName: 'Easy-to-read French', rtl: false });
