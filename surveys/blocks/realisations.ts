import type { ChoiceJson } from '../types.ts';
import { choice, mentor, youth, type PageGroup, type QuestionBlock } from './block.ts';

// Scores are approximate meetings per month, so the indicator can be an average frequency.
function frequencyChoices(): ChoiceJson[] {
  return [
    choice('plusieurs_par_semaine', youth('Plusieurs fois par semaine', { falc: 'Plusieurs fois chaque semaine', en: 'Several times a week', ar: 'عدة مرات في الأسبوع', prs: 'چند بار در هفته', ps: 'په اونۍ کې څو ځله' }), { score: 8 }),
    choice('chaque_semaine', youth('Une fois par semaine', { falc: 'Une fois chaque semaine', en: 'Once a week', ar: 'مرة في الأسبوع', prs: 'هفته‌ای یک بار', ps: 'په اونۍ کې یو ځل' }), { score: 4 }),
    choice('deux_par_mois', youth('Deux fois par mois', { falc: 'Deux fois chaque mois', en: 'Twice a month', ar: 'مرتين في الشهر', prs: 'ماهی دو بار', ps: 'په میاشت کې دوه ځله' }), { score: 2 }),
    choice('une_par_mois', youth('Une fois par mois', { falc: 'Une fois chaque mois', en: 'Once a month', ar: 'مرة في الشهر', prs: 'ماهی یک بار', ps: 'په میاشت کې یو ځل' }), { score: 1 }),
    choice('moins', youth("Moins d'une fois par mois", { falc: 'Moins souvent', en: 'Less than once a month', ar: 'أقل من مرة في الشهر', prs: 'کمتر از ماهی یک بار', ps: 'په میاشت کې له یو ځل نه لږ' }), { score: 0.5 }),
  ];
}

const YOUTH_MEETINGS: PageGroup = {
  name: 'rencontres',
  title: youth('Tes rencontres avec ton mentor', {
    falc: 'Tes rendez-vous avec ton mentor',
    en: 'Your meetings with your mentor',
    ar: 'لقاءاتك مع مرشدك',
    prs: 'دیدارهای تو با رهنمایت',
    ps: 'له خپل لارښود سره ستا لیدنې',
  }),
};
const MENTOR_MEETINGS: PageGroup = { name: 'rencontres', title: mentor('Vos rencontres avec le jeune', 'Your meetings with the young person') };

export const youthFrequency: QuestionBlock = {
  indicatorId: 'realisations.frequence',
  audience: 'youth',
  pages: [
    {
      name: 'frequence',
      title: youth('Tes rencontres', { falc: 'Tes rendez-vous', en: 'Your meetings', ar: 'لقاءاتك', prs: 'دیدارهایت', ps: 'ستا لیدنې' }),
      group: YOUTH_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'frequence',
          title: youth('En général, combien de fois voyais-tu ton mentor ?', {
            falc: 'Tu voyais ton mentor souvent ?',
            en: 'In general, how often did you see your mentor?',
            ar: 'بشكل عام، كم مرة كنت ترى مرشدك؟',
            prs: 'به طور معمول، چند بار رهنمایت را می‌دیدی؟',
            ps: 'په عمومي توګه، تا به خپل لارښود څو ځله لیده؟',
          }),
          indicator: 'realisations.frequence',
          indicatorDimension: 'frequence',
          choices: frequencyChoices(),
        },
      ],
    },
  ],
};

export const mentorFrequency: QuestionBlock = {
  indicatorId: 'realisations.frequence',
  audience: 'mentor',
  pages: [
    {
      name: 'frequence',
      title: mentor('Fréquence des rencontres', 'How often you met'),
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_frequence',
          title: mentor('En général, à quelle fréquence rencontriez-vous le jeune ?', 'In general, how often did you meet the young person?'),
          indicator: 'realisations.frequence',
          indicatorDimension: 'frequence',
          choices: frequencyChoices(),
        },
      ],
    },
  ],
};

export const youthModality: QuestionBlock = {
  indicatorId: 'realisations.modalite',
  audience: 'youth',
  pages: [
    {
      name: 'modalite',
      title: youth('Comment vous vous voyiez', { falc: 'Comment vous vous voyiez', en: 'How you met', ar: 'كيف كنتما تلتقيان', prs: 'چطور همدیگر را می‌دیدید', ps: 'تاسو څنګه سره لیدل' }),
      group: YOUTH_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'modalite',
          title: youth('Comment se passaient vos rencontres ?', {
            falc: 'Où avaient lieu vos rendez-vous ?',
            en: 'How did your meetings take place?',
            ar: 'كيف كانت تجري لقاءاتكما؟',
            prs: 'دیدارهای شما چطور انجام می‌شد؟',
            ps: 'ستاسو لیدنې څنګه کېدې؟',
          }),
          indicator: 'realisations.modalite',
          indicatorDimension: 'modalite',
          choices: [
            choice('presentiel', youth('En vrai, face à face', { falc: 'En vrai, ensemble au même endroit', en: 'In person, face to face', ar: 'وجهًا لوجه', prs: 'رو در رو', ps: 'مخامخ' })),
            choice('distance', youth('À distance (téléphone, vidéo, messages)', { falc: 'Par téléphone, par vidéo ou par messages', en: 'Remotely (phone, video, messages)', ar: 'عن بُعد (هاتف، فيديو، رسائل)', prs: 'از راه دور (تلفن، ویدیو، پیام)', ps: 'له لرې (ټیلیفون، ویډیو، پیغامونه)' })),
            choice('les_deux', youth('Les deux', { falc: 'Les deux', en: 'Both', ar: 'الاثنان معًا', prs: 'هر دو', ps: 'دواړه' })),
          ],
        },
      ],
    },
  ],
};

export const mentorModality: QuestionBlock = {
  indicatorId: 'realisations.modalite',
  audience: 'mentor',
  pages: [
    {
      name: 'modalite',
      title: mentor('Forme des rencontres', 'How you met'),
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_modalite',
          title: mentor('Sous quelle forme se déroulaient vos rencontres ?', 'How did your meetings take place?'),
          indicator: 'realisations.modalite',
          indicatorDimension: 'modalite',
          choices: [
            choice('presentiel', mentor('En présentiel', 'In person')),
            choice('distance', mentor('À distance (téléphone, visio, messages)', 'Remotely (phone, video call, messages)')),
            choice('les_deux', mentor('Les deux', 'Both')),
          ],
        },
      ],
    },
  ],
};

// Scores are the approximate share of planned meetings attended, so the indicator is a proportion.
export const mentorAttendance: QuestionBlock = {
  indicatorId: 'realisations.assiduite',
  audience: 'mentor',
  pages: [
    {
      name: 'assiduite',
      title: mentor('Assiduité du jeune', "The young person's attendance"),
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_assiduite',
          title: mentor('Le jeune venait-il aux rencontres prévues ?', 'Did the young person come to the planned meetings?'),
          indicator: 'realisations.assiduite',
          indicatorDimension: 'assiduite',
          choices: [
            choice('toujours', mentor('Toujours ou presque', 'Always or almost always'), { score: 1 }),
            choice('souvent', mentor('Souvent', 'Often'), { score: 0.75 }),
            choice('une_fois_sur_deux', mentor('Une fois sur deux', 'Half of the time'), { score: 0.5 }),
            choice('rarement', mentor('Rarement', 'Rarely'), { score: 0.25 }),
          ],
        },
      ],
    },
  ],
};
