import { beforeNowQuestions, choice, NO, YES, YOUTH_PAIR_DESCRIPTION, youth, type QuestionBlock } from './block.ts';

// Impact is only asked of the young person: the seed measures it as what changed for them *thanks to*
// the mentoring, which only they can say.

export const youthConfidence: QuestionBlock = {
  indicatorId: 'impact.confiance',
  audience: 'youth',
  pages: [
    {
      name: 'confiance',
      title: youth('La confiance en toi', {
          falc: 'La confiance en toi',
          en: 'Confidence in yourself',
          ar: 'الثقة بالنفس',
          prs: 'اعتماد به نفس',
          ps: 'پر ځان باور',
        }),
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: 'impact.confiance',
        prefix: 'confiance',
        before: youth('Avant le mentorat, avais-tu confiance en toi ?', {
          falc: 'Avant le mentorat : tu avais confiance en toi ?',
          en: 'Before the mentoring, did you feel confident in yourself?',
          ar: 'قبل الإرشاد، هل كنت تثق بنفسك؟',
          prs: 'پیش از رهنمایی، آیا به خودت اعتماد داشتی؟',
          ps: 'د لارښوونې نه مخکې، ایا پر ځان دې باور درلود؟',
        }),
        now: youth('Aujourd\'hui, as-tu confiance en toi ?', {
          falc: 'Aujourd\'hui : tu as confiance en toi ?',
          en: 'Today, do you feel confident in yourself?',
          ar: 'اليوم، هل تثق بنفسك؟',
          prs: 'امروز، آیا به خودت اعتماد داری؟',
          ps: 'نن، ایا پر ځان باور لرې؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que tu as plus confiance en toi ?', {
          falc: 'Tu as plus confiance en toi grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that you feel more confident?',
          ar: 'هل أصبحت تثق بنفسك أكثر بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که حالا بیشتر به خودت اعتماد داری؟',
          ps: 'ایا د لارښوونې له امله اوس پر ځان ډېر باور لرې؟',
        }),
      }),
    },
  ],
};

export const youthMarks: QuestionBlock = {
  indicatorId: 'impact.notes',
  audience: 'youth',
  pages: [
    {
      name: 'notes',
      title: youth('L\'école', {
          falc: 'L\'école',
          en: 'School',
          ar: 'المدرسة',
          prs: 'مکتب',
          ps: 'ښوونځی',
        }),
      description: youth('Si tu ne vas plus à l\'école, passe à la suite.', {
          falc: 'Tu es encore à l\'école ? Réponds. Tu as fini l\'école ? Passe à la question suivante.',
          en: 'If you no longer go to school, skip to the next part.',
          ar: 'إذا لم تعد تذهب إلى المدرسة، انتقل إلى ما بعده.',
          prs: 'اگر دیگر به مکتب نمی‌روی، به بخش بعدی برو.',
          ps: 'که نور ښوونځي ته نه ځې، مخته لاړ شه.',
        }),
      elements: beforeNowQuestions({
        indicator: 'impact.notes',
        prefix: 'notes',
        before: youth('Avant le mentorat, comment étaient tes notes ?', {
          falc: 'Avant le mentorat : tes notes étaient comment ?',
          en: 'Before the mentoring, how were your marks?',
          ar: 'قبل الإرشاد، كيف كانت علاماتك؟',
          prs: 'پیش از رهنمایی، نمره‌هایت چطور بود؟',
          ps: 'د لارښوونې نه مخکې، ستا نمرې څنګه وې؟',
        }),
        now: youth('Aujourd\'hui, comment sont tes notes ?', {
          falc: 'Aujourd\'hui : tes notes sont comment ?',
          en: 'Today, how are your marks?',
          ar: 'اليوم، كيف هي علاماتك؟',
          prs: 'امروز، نمره‌هایت چطور است؟',
          ps: 'نن، ستا نمرې څنګه دي؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que tes notes sont meilleures ?', {
          falc: 'Tes notes sont meilleures grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that your marks are better?',
          ar: 'هل تحسّنت علاماتك بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که نمره‌هایت بهتر شده؟',
          ps: 'ایا د لارښوونې له امله ستا نمرې ښې شوې؟',
        }),
        scale: [
          choice(1, youth('Très basses', { falc: 'Très mauvaises', en: 'Very low', ar: 'منخفضة جدًا', prs: 'خیلی پایین', ps: 'ډېرې ټیټې' })),
          choice(2, youth('Basses', { falc: 'Mauvaises', en: 'Low', ar: 'منخفضة', prs: 'پایین', ps: 'ټیټې' })),
          choice(3, youth('Moyennes', { falc: 'Au milieu', en: 'Average', ar: 'متوسطة', prs: 'متوسط', ps: 'منځنۍ' })),
          choice(4, youth('Bonnes', { falc: 'Bonnes', en: 'Good', ar: 'جيدة', prs: 'خوب', ps: 'ښې' })),
          choice(5, youth('Très bonnes', { falc: 'Très bonnes', en: 'Very good', ar: 'جيدة جدًا', prs: 'خیلی خوب', ps: 'ډېرې ښې' })),
        ],
      }),
    },
  ],
};

export const youthPlacement: QuestionBlock = {
  indicatorId: 'impact.stage',
  audience: 'youth',
  pages: [
    {
      name: 'stage',
      title: youth('Stage, emploi ou formation', {
          falc: 'Stage, travail ou formation',
          en: 'Internship, job or training',
          ar: 'تدريب، عمل أو تكوين مهني',
          prs: 'کارآموزی، کار یا آموزش حرفه‌ای',
          ps: 'عملي زده کړه، دنده یا روزنه',
        }),
      elements: [
        {
          type: 'radiogroup',
          name: 'stage_trouve',
          title: youth('Grâce au mentorat, as-tu trouvé un stage, un apprentissage, un emploi ou une formation ?', {
          falc: 'Grâce au mentorat, tu as trouvé un stage, un travail ou une formation ?',
          en: 'Thanks to the mentoring, did you find an internship, an apprenticeship, a job or a training course?',
          ar: 'بفضل الإرشاد، هل وجدت تدريبًا أو تمهينًا أو عملًا أو تكوينًا؟',
          prs: 'به کمک رهنمایی، آیا کارآموزی، شاگردی، کار یا آموزش حرفه‌ای پیدا کردی؟',
          ps: 'د لارښوونې په مرسته، ایا دې عملي زده کړه، شاګردي، دنده یا روزنه وموندله؟',
        }),
          indicator: 'impact.stage',
          indicatorDimension: 'trouve',
          // No score for "not looking": it leaves the denominator instead of counting as a "no".
          choices: [
            choice('oui', YES, { score: 1 }),
            choice('non', NO, { score: 0 }),
            choice('pas_cherche', youth("Je n'en cherchais pas", { falc: 'Je cherchais autre chose', en: "I wasn't looking for one", ar: 'لم أكن أبحث عن ذلك', prs: 'دنبالش نبودم', ps: 'ما یې لټون نه کاوه' })),
          ],
        },
        {
          type: 'checkbox',
          name: 'stage_type',
          title: youth('Qu\'as-tu trouvé ?', {
          falc: 'Qu\'est-ce que tu as trouvé ?',
          en: 'What did you find?',
          ar: 'ماذا وجدت؟',
          prs: 'چه پیدا کردی؟',
          ps: 'څه دې وموندل؟',
        }),
          description: youth('Tu peux cocher plusieurs réponses.', {
          falc: 'Tu peux choisir plusieurs réponses.',
          en: 'You can tick several answers.',
          ar: 'يمكنك اختيار أكثر من جواب.',
          prs: 'می‌توانی چند جواب را انتخاب کنی.',
          ps: 'ته کولای شې څو ځوابونه وټاکې.',
        }),
          visibleIf: "{stage_trouve} = 'oui'",
          indicator: 'impact.stage',
          indicatorDimension: 'type',
          choices: [
            choice('stage', youth('Un stage', { falc: 'Un stage', en: 'An internship', ar: 'تدريب', prs: 'کارآموزی', ps: 'عملي زده کړه' })),
            choice('apprentissage', youth('Un apprentissage', { falc: 'Un apprentissage (travail et école)', en: 'An apprenticeship', ar: 'تمهين', prs: 'شاگردی', ps: 'شاګردي' })),
            choice('emploi', youth('Un emploi', { falc: 'Un travail', en: 'A job', ar: 'عمل', prs: 'کار', ps: 'دنده' })),
            choice('formation', youth('Une formation', { falc: 'Une formation', en: 'A training course', ar: 'تكوين مهني', prs: 'آموزش حرفه‌ای', ps: 'روزنه' })),
          ],
        },
      ],
    },
  ],
};

const SKILLS = 'impact.competences_psychosociales';

export const youthPsychosocialSkills: QuestionBlock = {
  indicatorId: SKILLS,
  audience: 'youth',
  pages: [
    {
      name: 'prise_de_parole',
      title: youth('Parler devant les autres', {
          falc: 'Parler devant les autres',
          en: 'Speaking in front of others',
          ar: 'التحدث أمام الآخرين',
          prs: 'صحبت کردن پیش دیگران',
          ps: 'د نورو مخې ته خبرې کول',
        }),
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'prise_de_parole',
        prefix: 'parole',
        before: youth('Avant le mentorat, osais-tu parler devant les autres ?', {
          falc: 'Avant le mentorat : tu osais parler devant les autres ?',
          en: 'Before the mentoring, did you dare to speak in front of others?',
          ar: 'قبل الإرشاد، هل كنت تجرؤ على التحدث أمام الآخرين؟',
          prs: 'پیش از رهنمایی، آیا جرئت داشتی پیش دیگران صحبت کنی؟',
          ps: 'د لارښوونې نه مخکې، ایا د نورو مخې ته د خبرو زړه دې درلود؟',
        }),
        now: youth('Aujourd\'hui, oses-tu parler devant les autres ?', {
          falc: 'Aujourd\'hui : tu oses parler devant les autres ?',
          en: 'Today, do you dare to speak in front of others?',
          ar: 'اليوم، هل تجرؤ على التحدث أمام الآخرين؟',
          prs: 'امروز، آیا جرئت داری پیش دیگران صحبت کنی؟',
          ps: 'نن، ایا د نورو مخې ته د خبرو زړه لرې؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que tu oses plus parler ?', {
          falc: 'Tu oses plus parler grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that you dare to speak more?',
          ar: 'هل أصبحت تجرؤ على الكلام أكثر بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که حالا بیشتر جرئت صحبت داری؟',
          ps: 'ایا د لارښوونې له امله اوس د خبرو ډېر زړه لرې؟',
        }),
      }),
    },
    {
      name: 'personne_ressource',
      title: youth('Quelqu\'un sur qui compter', {
          falc: 'Quelqu\'un pour t\'aider',
          en: 'Someone to count on',
          ar: 'شخص يمكنك الاعتماد عليه',
          prs: 'کسی که بتوانی رویش حساب کنی',
          ps: 'څوک چې پرې باور وکړې',
        }),
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'personne_ressource',
        prefix: 'soutien',
        before: youth('Avant le mentorat, avais-tu quelqu\'un sur qui compter ?', {
          falc: 'Avant le mentorat : tu avais quelqu\'un pour t\'aider ?',
          en: 'Before the mentoring, did you have someone to count on?',
          ar: 'قبل الإرشاد، هل كان لديك شخص يمكنك الاعتماد عليه؟',
          prs: 'پیش از رهنمایی، آیا کسی را داشتی که بتوانی رویش حساب کنی؟',
          ps: 'د لارښوونې نه مخکې، ایا داسې څوک درلودل چې پرې باور وکړې؟',
        }),
        now: youth('Aujourd\'hui, as-tu quelqu\'un sur qui compter ?', {
          falc: 'Aujourd\'hui : tu as quelqu\'un pour t\'aider ?',
          en: 'Today, do you have someone to count on?',
          ar: 'اليوم، هل لديك شخص يمكنك الاعتماد عليه؟',
          prs: 'امروز، آیا کسی را داری که بتوانی رویش حساب کنی؟',
          ps: 'نن، ایا داسې څوک لرې چې پرې باور وکړې؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que tu as quelqu\'un sur qui compter ?', {
          falc: 'Tu as quelqu\'un pour t\'aider grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that you have someone to count on?',
          ar: 'هل أصبح لديك شخص تعتمد عليه بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که کسی را داری که رویش حساب کنی؟',
          ps: 'ایا د لارښوونې له امله داسې څوک لرې چې پرې باور وکړې؟',
        }),
      }),
    },
    {
      name: 'liens',
      title: youth('Créer des liens', {
          falc: 'Rencontrer des gens',
          en: 'Making connections',
          ar: 'بناء العلاقات',
          prs: 'رابطه ساختن',
          ps: 'اړیکې جوړول',
        }),
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'liens',
        prefix: 'liens',
        before: youth('Avant le mentorat, était-ce facile pour toi de rencontrer de nouvelles personnes ?', {
          falc: 'Avant le mentorat : c\'était facile pour toi de rencontrer des gens ?',
          en: 'Before the mentoring, was it easy for you to meet new people?',
          ar: 'قبل الإرشاد، هل كان من السهل عليك التعرّف على أشخاص جدد؟',
          prs: 'پیش از رهنمایی، آیا آشنا شدن با آدم‌های تازه برایت آسان بود؟',
          ps: 'د لارښوونې نه مخکې، ایا له نویو خلکو سره پېژندګلوي درته اسانه وه؟',
        }),
        now: youth('Aujourd\'hui, est-ce facile pour toi de rencontrer de nouvelles personnes ?', {
          falc: 'Aujourd\'hui : c\'est facile pour toi de rencontrer des gens ?',
          en: 'Today, is it easy for you to meet new people?',
          ar: 'اليوم، هل من السهل عليك التعرّف على أشخاص جدد؟',
          prs: 'امروز، آیا آشنا شدن با آدم‌های تازه برایت آسان است؟',
          ps: 'نن، ایا له نویو خلکو سره پېژندګلوي درته اسانه ده؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que c\'est plus facile de rencontrer des gens ?', {
          falc: 'C\'est plus facile de rencontrer des gens grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that meeting people is easier?',
          ar: 'هل أصبح التعرّف على الناس أسهل بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که آشنا شدن با دیگران آسان‌تر شده؟',
          ps: 'ایا د لارښوونې له امله له خلکو سره پېژندګلوي اسانه شوې؟',
        }),
      }),
    },
    {
      name: 'decouverte',
      title: youth('Découvrir', {
          falc: 'Découvrir',
          en: 'Discovering',
          ar: 'الاكتشاف',
          prs: 'کشف کردن',
          ps: 'کشف کول',
        }),
      description: youth('Par exemple : ce que tu aimes, des métiers, des lieux, des activités. Pense à comment c\'était avant le mentorat, puis à comment c\'est aujourd\'hui.', {
          falc: 'Par exemple : ce que tu aimes, des métiers, des lieux, des activités. Pense à ta vie avant le mentorat. Puis pense à ta vie aujourd\'hui.',
          en: 'For example: what you like, jobs, places, activities. Think about how things were before the mentoring, then about how they are today.',
          ar: 'مثلًا: ما تحبّه، المهن، الأماكن، الأنشطة. فكّر كيف كانت الأمور قبل الإرشاد، ثم كيف هي اليوم.',
          prs: 'مثلاً: چیزهایی که دوست داری، شغل‌ها، جاها، فعالیت‌ها. فکر کن که پیش از رهنمایی چطور بود، بعد فکر کن که امروز چطور است.',
          ps: 'د بېلګې په توګه: هغه څه چې خوښوې، دندې، ځایونه، فعالیتونه. فکر وکړه چې د لارښوونې له پیل نه مخکې څنګه وو، بیا فکر وکړه چې نن څنګه دی.',
        }),
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'decouverte',
        prefix: 'decouverte',
        before: youth('Avant le mentorat, connaissais-tu bien tes goûts et le monde autour de toi ?', {
          falc: 'Avant le mentorat : tu savais bien ce que tu aimes ? Tu connaissais bien le monde autour de toi ?',
          en: 'Before the mentoring, did you know well what you like and the world around you?',
          ar: 'قبل الإرشاد، هل كنت تعرف جيدًا ما تحبّه والعالم من حولك؟',
          prs: 'پیش از رهنمایی، آیا علاقه‌هایت و دنیای اطرافت را خوب می‌شناختی؟',
          ps: 'د لارښوونې نه مخکې، ایا دې خپل شوقونه او شاوخوا نړۍ ښه پېژندله؟',
        }),
        now: youth('Aujourd\'hui, connais-tu bien tes goûts et le monde autour de toi ?', {
          falc: 'Aujourd\'hui : tu sais bien ce que tu aimes ? Tu connais bien le monde autour de toi ?',
          en: 'Today, do you know well what you like and the world around you?',
          ar: 'اليوم، هل تعرف جيدًا ما تحبّه والعالم من حولك؟',
          prs: 'امروز، آیا علاقه‌هایت و دنیای اطرافت را خوب می‌شناسی؟',
          ps: 'نن، ایا خپل شوقونه او شاوخوا نړۍ ښه پېژنې؟',
        }),
        thanks: youth('Est-ce grâce au mentorat que tu en sais plus sur toi et sur le monde ?', {
          falc: 'Tu en sais plus sur toi et sur le monde grâce au mentorat ?',
          en: 'Is it thanks to the mentoring that you know more about yourself and the world?',
          ar: 'هل أصبحت تعرف أكثر عن نفسك وعن العالم بفضل الإرشاد؟',
          prs: 'آیا به خاطر رهنمایی است که حالا بیشتر دربارهٔ خودت و دنیا می‌دانی؟',
          ps: 'ایا د لارښوونې له امله اوس د ځان او نړۍ په اړه ډېر پوهېږې؟',
        }),
      }),
    },
  ],
};
