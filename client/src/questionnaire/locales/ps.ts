import { setupLocale } from 'survey-core';
import type { UsedSurveyStrings } from './strings.ts';

// Pashto (پښتو): no survey-core locale; written by the project, native review recommended.
export const pashtoSurveyStrings: UsedSurveyStrings = {
  pagePrevText: 'مخکینی',
  pageNextText: 'بل',
  completeText: 'لېږل',
  loadingSurvey: 'پوښتنلیک راځي…',
  emptySurvey: 'په دې پوښتنلیک کې هېڅ پوښتنه نشته.',
  requiredError: 'مهرباني وکړه ځواب ورکړه.',
  textMaxLength: 'مهرباني وکړه له {0} تورو زیات مه لیکه.',
  maxSelectError: 'مهرباني وکړه له {0} ځوابونو زیات مه ټاکه.',
  minSelectError: 'مهرباني وکړه لږ تر لږه {0} ځوابونه وټاکه.',
  otherItemText: 'بل (ولیکه)',
  noneItemText: 'هېڅ یو',
  selectAllItemText: 'ټول وټاکه',
  progressText: 'پاڼه {0} له {1} څخه',
  indexText: '{0} له {1} څخه',
  questionsProgressText: '{0} پوښتنې له {1} څخه ځواب شوې',
  savingDataError: 'یوه ستونزه پېښه شوه او ځوابونه خوندي نه شول.',
  completingSurveyBefore: 'تا مخکې دې پوښتنلیک ته ځواب ورکړی.',
};

setupLocale({ localeCode: 'ps', strings: pashtoSurveyStrings, nativeName: 'پښتو', englishName: 'Pashto', rtl: true });
