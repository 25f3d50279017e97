import type { ChoiceJson } from '../types.ts';
import { choice, DONT_KNOW, mentor, MENTOR_NO, MENTOR_YES, NO, YES, yesNo, youth, type QuestionBlock } from './block.ts';

// The seed asks never to mix up a pair that stopped (availability, moving, placement change, lost
// contact) with a pair that missed its objective: each reason carries its category as data.
export const STOP_CATEGORY = { pair: 'binome', objective: 'objectif', other: 'autre' } as const;

function reachedChoices(audience: 'youth' | 'mentor'): ChoiceJson[] {
  const forYouth = audience === 'youth';
  return [
    choice('oui', forYouth ? YES : MENTOR_YES, { score: 1 }),
    choice('en_partie', forYouth ? youth('En partie', { falc: 'Un peu', en: 'Partly', ar: 'جزئيًا', prs: 'تا اندازه‌ای', ps: 'تر یوه حده' }) : mentor('En partie', 'Partly'), { score: 0.5 }),
    choice('non', forYouth ? NO : MENTOR_NO, { score: 0 }),
    choice('ne_sait_pas', forYouth ? DONT_KNOW : mentor('Je ne sais pas', "I don't know")),
  ];
}

export const youthObjective: QuestionBlock = {
  indicatorId: 'resultats.objectif_atteint',
  audience: 'youth',
  pages: [
    {
      name: 'objectif',
      title: youth('Ton objectif', { falc: 'Ton but', en: 'Your goal', ar: 'هدفك', prs: 'هدف تو', ps: 'ستا موخه' }),
      description: youth("Au début du mentorat, tu avais un objectif. Par exemple : progresser à l'école, trouver une formation, te sentir mieux.", {
        falc: "Au début du mentorat, tu avais un but. Par exemple : avoir de meilleures notes à l'école. Ou trouver une formation. Ou te sentir mieux.",
        en: 'At the start of the mentoring, you had a goal. For example: doing better at school, finding a training course, feeling better.',
        ar: 'في بداية الإرشاد، كان لديك هدف. مثلًا: التقدّم في المدرسة، إيجاد تدريب، الشعور بتحسّن.',
        prs: 'در آغاز رهنمایی، تو یک هدف داشتی. مثلاً: پیشرفت در مکتب، پیدا کردن یک آموزش حرفه‌ای، احساس بهتر.',
        ps: 'د لارښوونې په پیل کې تا یوه موخه درلوده. د بېلګې په توګه: په ښوونځي کې پرمختګ، د یوې زده کړې موندل، د ښه احساس کول.',
      }),
      elements: [
        {
          type: 'radiogroup',
          name: 'objectif_atteint',
          title: youth('As-tu atteint ton objectif ?', {
            falc: 'Tu as réussi ton but ?',
            en: 'Did you reach your goal?',
            ar: 'هل حقّقت هدفك؟',
            prs: 'آیا به هدفت رسیدی؟',
            ps: 'ایا خپلې موخې ته ورسېدې؟',
          }),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'atteint',
          choices: reachedChoices('youth'),
        },
        {
          type: 'radiogroup',
          name: 'objectif_change',
          title: youth('Ton objectif a-t-il changé pendant le mentorat ?', {
            falc: 'Ton but a changé pendant le mentorat ?',
            en: 'Did your goal change during the mentoring?',
            ar: 'هل تغيّر هدفك خلال الإرشاد؟',
            prs: 'آیا هدفت در جریان رهنمایی تغییر کرد؟',
            ps: 'ایا د لارښوونې پر مهال ستا موخه بدله شوه؟',
          }),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'objectif_change',
          choices: yesNo(),
        },
      ],
    },
    {
      name: 'fin_du_mentorat',
      title: youth('La fin du mentorat', { falc: 'La fin du mentorat', en: 'The end of the mentoring', ar: 'نهاية الإرشاد', prs: 'پایان رهنمایی', ps: 'د لارښوونې پای' }),
      elements: [
        {
          type: 'radiogroup',
          name: 'arret_anticipe',
          title: youth("Ton mentorat s'est-il arrêté plus tôt que prévu ?", {
            falc: 'Ton mentorat a fini plus tôt que prévu ?',
            en: 'Did your mentoring stop earlier than planned?',
            ar: 'هل توقّف الإرشاد أبكر ممّا كان مقرّرًا؟',
            prs: 'آیا رهنمایی تو زودتر از برنامه تمام شد؟',
            ps: 'ایا ستا لارښوونه له ټاکلي وخت نه مخکې ودرېده؟',
          }),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'arret_anticipe',
          choices: yesNo(),
        },
        {
          type: 'radiogroup',
          name: 'motif_arret',
          title: youth("Pourquoi s'est-il arrêté plus tôt ?", {
            falc: 'Pourquoi il a fini plus tôt ?',
            en: 'Why did it stop earlier?',
            ar: 'لماذا توقّف أبكر؟',
            prs: 'چرا زودتر تمام شد؟',
            ps: 'ولې مخکې ودرېده؟',
          }),
          description: youth('Choisis la raison principale.', {
            falc: 'Choisis la raison la plus importante.',
            en: 'Choose the main reason.',
            ar: 'اختر السبب الرئيسي.',
            prs: 'دلیل اصلی را انتخاب کن.',
            ps: 'اصلي لامل وټاکه.',
          }),
          visibleIf: "{arret_anticipe} = 'oui'",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'motif_arret',
          choices: [
            choice(
              'disponibilite',
              youth("Mon mentor ou moi n'avions plus assez de temps", {
                falc: 'Mon mentor ou moi avions trop peu de temps',
                en: 'My mentor or I no longer had enough time',
                ar: 'لم يعد لدي أنا أو مرشدي وقت كافٍ',
                prs: 'من یا رهنمایم دیگر وقت کافی نداشتیم',
                ps: 'ما یا زما لارښود نور کافي وخت نه درلود',
              }),
              { category: STOP_CATEGORY.pair },
            ),
            choice(
              'demenagement',
              youth('Mon mentor ou moi avons déménagé', {
                falc: 'Mon mentor ou moi sommes partis habiter ailleurs',
                en: 'My mentor or I moved away',
                ar: 'انتقلت أنا أو مرشدي إلى مكان آخر',
                prs: 'من یا رهنمایم به جای دیگری کوچ کردیم',
                ps: 'ما یا زما لارښود بل ځای ته کډه شو',
              }),
              { category: STOP_CATEGORY.pair },
            ),
            choice(
              'changement_placement',
              youth("J'ai changé de lieu de vie (foyer, famille d'accueil…)", {
                falc: "J'habite dans un autre endroit. Par exemple : un autre foyer, une autre famille d'accueil.",
                en: 'I moved to another home (care home, foster family…)',
                ar: 'غيّرت مكان إقامتي (دار رعاية، أسرة حاضنة…)',
                prs: 'جای زندگی‌ام عوض شد (خانهٔ نگهداری، خانوادهٔ میزبان…)',
                ps: 'زما د اوسېدو ځای بدل شو (د ساتنې کور، کوربه کورنۍ…)',
              }),
              { category: STOP_CATEGORY.pair },
            ),
            choice(
              'perte_contact',
              youth('On ne se donnait plus de nouvelles', {
                falc: 'On a arrêté de se parler',
                en: 'We lost touch',
                ar: 'انقطع التواصل بيننا',
                prs: 'دیگر از هم خبر نداشتیم',
                ps: 'زموږ اړیکه پرې شوه',
              }),
              { category: STOP_CATEGORY.pair },
            ),
            choice(
              'relation',
              youth('Ça ne se passait pas bien entre nous', {
                falc: "C'était difficile entre nous",
                en: "Things weren't going well between us",
                ar: 'لم تكن العلاقة بيننا جيدة',
                prs: 'رابطهٔ ما خوب پیش نمی‌رفت',
                ps: 'زموږ ترمنځ اړیکه ښه نه وه',
              }),
              { category: STOP_CATEGORY.pair },
            ),
            choice(
              'objectif_non_atteint',
              youth("Le mentorat ne m'aidait pas pour mon objectif", {
                falc: "Le mentorat m'aidait trop peu pour mon but",
                en: "The mentoring wasn't helping me with my goal",
                ar: 'لم يكن الإرشاد يساعدني على تحقيق هدفي',
                prs: 'رهنمایی در رسیدن به هدفم کمکم نمی‌کرد',
                ps: 'لارښوونې زما له موخې سره مرسته نه کوله',
              }),
              { category: STOP_CATEGORY.objective },
            ),
            choice('autre', youth('Une autre raison', { falc: 'Une autre raison', en: 'Another reason', ar: 'سبب آخر', prs: 'دلیل دیگر', ps: 'بل لامل' }), {
              category: STOP_CATEGORY.other,
            }),
          ],
        },
      ],
    },
  ],
};

export const mentorObjective: QuestionBlock = {
  indicatorId: 'resultats.objectif_atteint',
  audience: 'mentor',
  pages: [
    {
      name: 'objectif',
      title: mentor("L'objectif du mentorat", 'The goal of the mentoring'),
      description: mentor(
        "L'objectif fixé au début du mentorat : par exemple progression scolaire, orientation, recherche de stage, d'emploi ou de formation, soutien personnel.",
        'The goal set at the start of the mentoring: for example progress at school, guidance, finding an internship, a job or a training course, personal support.',
      ),
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_objectif_atteint',
          title: mentor("Selon vous, l'objectif fixé au début du mentorat a-t-il été atteint ?", 'In your view, was the goal set at the start of the mentoring reached?'),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'atteint',
          choices: reachedChoices('mentor'),
        },
        {
          type: 'radiogroup',
          name: 'mentor_objectif_change',
          title: mentor("L'objectif a-t-il changé en cours de mentorat ?", 'Did the goal change during the mentoring?'),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'objectif_change',
          choices: yesNo(MENTOR_YES, MENTOR_NO),
        },
      ],
    },
    {
      name: 'fin_du_mentorat',
      title: mentor('La fin du mentorat', 'The end of the mentoring'),
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_arret_anticipe',
          title: mentor("Le mentorat s'est-il arrêté plus tôt que prévu ?", 'Did the mentoring stop earlier than planned?'),
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'arret_anticipe',
          choices: yesNo(MENTOR_YES, MENTOR_NO),
        },
        {
          type: 'radiogroup',
          name: 'mentor_motif_arret',
          title: mentor("Quelle est la raison principale de l'arrêt ?", 'What is the main reason it stopped?'),
          visibleIf: "{mentor_arret_anticipe} = 'oui'",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'motif_arret',
          choices: [
            choice('disponibilite', mentor('Manque de disponibilité (la vôtre ou celle du jeune)', "Lack of time (yours or the young person's)"), { category: STOP_CATEGORY.pair }),
            choice('demenagement', mentor('Déménagement (le vôtre ou celui du jeune)', 'Moving away (you or the young person)'), { category: STOP_CATEGORY.pair }),
            choice('changement_placement', mentor("Changement de lieu d'accueil du jeune", "Change of the young person's care placement"), { category: STOP_CATEGORY.pair }),
            choice('perte_contact', mentor('Perte de contact avec le jeune', 'Lost touch with the young person'), { category: STOP_CATEGORY.pair }),
            choice('relation', mentor('Difficultés dans la relation', 'Difficulties in the relationship'), { category: STOP_CATEGORY.pair }),
            choice('objectif_non_atteint', mentor("L'objectif n'avançait pas (par exemple pas de progrès en classe)", 'The goal was not progressing (for example no progress at school)'), {
              category: STOP_CATEGORY.objective,
            }),
            choice('autre', mentor('Autre raison', 'Other reason'), { category: STOP_CATEGORY.other }),
          ],
        },
      ],
    },
  ],
};
