import { setupLocale } from 'survey-core';
import type { UsedSurveyStrings } from './strings.ts';

// Dari (دری): survey-core ships Persian (Iran) but no Dari; written by the project, native review recommended.
export const dariSurveyStrings: UsedSurveyStrings = {
  pagePrevText: 'قبلی',
  pageNextText: 'بعدی',
  completeText: 'فرستادن',
  loadingSurvey: 'پرسشنامه بار می‌شود…',
  emptySurvey: 'این پرسشنامه هیچ سوالی ندارد.',
  requiredError: 'لطفاً جواب بده.',
  textMaxLength: 'لطفاً بیشتر از {0} حرف ننویس.',
  maxSelectError: 'لطفاً بیشتر از {0} گزینه انتخاب نکن.',
  minSelectError: 'لطفاً دست کم {0} گزینه انتخاب کن.',
  otherItemText: 'دیگر (بنویس)',
  noneItemText: 'هیچ کدام',
  selectAllItemText: 'انتخاب همه',
  progressText: 'صفحهٔ {0} از {1}',
  indexText: '{0} از {1}',
  questionsProgressText: 'به {0} سوال از {1} جواب دادی',
  savingDataError: 'خطایی پیش آمد و جواب‌ها ذخیره نشد.',
  completingSurveyBefore: 'تو قبلاً به این پرسشنامه جواب داده‌ای.',
};

setupLocale({ localeCode: 'fa-AF', strings: dariSurveyStrings, nativeName: 'دری', englishName: 'Dari', rtl: true });
