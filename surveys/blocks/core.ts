import type { Audience, Notice, QuestionJson } from '../types.ts';
import { mentor, youth, type BlockPage } from './block.ts';

export const COMMENT_MAX_LENGTH = 1000;

export interface NoticeInput {
  audience: Audience;
  contact: string;
  associationName?: string;
}

/**
 * What the respondent must know before answering. It is returned apart from the survey because the
 * server renders it as plain HTML before any JavaScript loads (weak networks); paragraphs are plain
 * text and must be escaped by whoever renders them. Its promises (grouped results only, every
 * question skippable, no name asked) are kept by the rest of this folder: no block uses isRequired
 * or asks for a name.
 */
export function coreNotice({ audience, contact, associationName }: NoticeInput): Notice {
  const association = associationName?.trim();
  if (audience === 'youth') {
    const contactText = contact.trim();
    const with_ = (text: string) => (association ? text.replace('{association}', association) : '');
    return {
      title: 'Avant de commencer',
      paragraphs: [
        `Ce questionnaire parle de ton mentorat${association ? ` avec l'association ${association}` : ''}. Il prend environ 5 minutes.`,
        "Tu peux passer toutes les questions : aucune réponse n'est obligatoire.",
        "On ne te demande pas ton nom. Tes réponses sont regroupées avec celles des autres jeunes. L'association et le Département voient seulement les résultats du groupe, pas tes réponses à toi.",
        "Une seule exception : si toi ou ton représentant légal demandez à voir ou à effacer tes données, l'administration du Département peut sortir tes réponses pour répondre à cette demande, et c'est noté dans un journal.",
        "Seul ton message de la dernière question, si tu en écris un, est lu par l'association. Le Département ne le voit jamais.",
        'Tu peux aussi choisir de ne pas répondre du tout : rien ne sera enregistré à part ce choix.',
        "Tu peux t'arrêter et reprendre plus tard avec le même lien.",
        `Une question ? Contacte : ${contact.trim()}`,
      ],
      // Same promises, same order, in every language: the French text above is the reference.
      translations: {
        falc: {
          title: 'Avant de commencer',
          paragraphs: [
            `Ce questionnaire parle de ton mentorat${with_(' avec l’association {association}')}. Il dure 5 minutes.`,
            'Tu choisis les questions. Tu peux passer une question.',
            'Ton nom est secret. Tes réponses sont mélangées avec les réponses des autres jeunes. L’association et le Département voient seulement les résultats du groupe.',
            'Une seule exception : toi ou ton représentant légal, vous pouvez demander à voir ou à effacer tes données. Alors, le Département peut sortir tes réponses. C’est écrit dans un journal.',
            'À la fin, tu peux écrire un message. Seule l’association lit ce message. Le Département ne le lit pas.',
            'Tu peux aussi refuser de répondre. Alors, on garde seulement ce choix.',
            'Tu peux arrêter. Tu peux reprendre plus tard avec le même lien.',
            `Une question ? Contacte : ${contactText}`,
          ],
        },
        en: {
          title: 'Before you start',
          paragraphs: [
            `This questionnaire is about your mentoring${with_(' with the association {association}')}. It takes about 5 minutes.`,
            'You can skip any question: no answer is required.',
            'We do not ask for your name. Your answers are grouped with those of other young people. The association and the Département only see the results of the group, not your own answers.',
            "One exception: if you or your legal guardian ask to see or erase your data, the Département's administration can extract your answers to handle that request, and this is written in a log.",
            'Only your message in the last question, if you write one, is read by the association. The Département never sees it.',
            'You can also choose not to answer at all: nothing will be recorded except that choice.',
            'You can stop and continue later with the same link.',
            `A question? Contact: ${contactText}`,
          ],
        },
        ar: {
          title: 'قبل أن تبدأ',
          paragraphs: [
            `هذا الاستبيان عن برنامج الإرشاد الذي شاركت فيه${with_(' مع جمعية {association}')}. يستغرق حوالي 5 دقائق.`,
            'يمكنك تخطّي أي سؤال: لا يوجد جواب إلزامي.',
            'لا نسألك عن اسمك. تُجمع أجوبتك مع أجوبة الشباب الآخرين. لا ترى الجمعية والمقاطعة (Département) إلا نتائج المجموعة، وليس أجوبتك أنت.',
            'استثناء واحد: إذا طلبت أنت أو ممثلك القانوني الاطلاع على بياناتك أو حذفها، يمكن لإدارة المقاطعة استخراج أجوبتك للرد على هذا الطلب، ويُسجَّل ذلك في سجلّ.',
            'رسالتك في السؤال الأخير فقط، إذا كتبت واحدة، تقرؤها الجمعية. لا تراها المقاطعة أبدًا.',
            'يمكنك أيضًا أن تختار عدم الإجابة إطلاقًا: لن يُسجَّل شيء سوى هذا الاختيار.',
            'يمكنك التوقف والمتابعة لاحقًا بنفس الرابط.',
            `هل لديك سؤال؟ تواصل مع: ${contactText}`,
          ],
        },
        prs: {
          title: 'پیش از شروع',
          paragraphs: [
            `این پرسشنامه دربارهٔ برنامهٔ رهنمایی توست${with_(' با انجمن {association}')}. حدود ۵ دقیقه وقت می‌گیرد.`,
            'می‌توانی از هر سوال بگذری: هیچ جوابی اجباری نیست.',
            'نام تو را نمی‌پرسیم. جواب‌های تو با جواب‌های جوانان دیگر یکجا می‌شود. انجمن و ولایت (Département) فقط نتیجه‌های گروه را می‌بینند، نه جواب‌های خود تو را.',
            'فقط یک استثنا: اگر تو یا نمایندهٔ قانونی‌ات بخواهید معلوماتت را ببینید یا پاک کنید، ادارهٔ ولایت می‌تواند جواب‌هایت را برای این درخواست بیرون بکشد، و این کار در یک دفتر ثبت می‌شود.',
            'فقط پیام تو در سوال آخر، اگر چیزی بنویسی، توسط انجمن خوانده می‌شود. ولایت هرگز آن را نمی‌بیند.',
            'می‌توانی هم انتخاب کنی که اصلاً جواب ندهی: به جز همین انتخاب، چیزی ثبت نمی‌شود.',
            'می‌توانی دست بکشی و بعداً با همین لینک ادامه بدهی.',
            `سوالی داری؟ تماس بگیر با: ${contactText}`,
          ],
        },
        ps: {
          title: 'له پیل نه مخکې',
          paragraphs: [
            `دا پوښتنلیک ستا د لارښوونې په اړه دی${with_(' د {association} ټولنې سره')}. شاوخوا ۵ دقیقې وخت نیسي.`,
            'ته کولای شې هره پوښتنه پرېږدې: هېڅ ځواب اجباري نه دی.',
            'ستا نوم نه پوښتل کېږي. ستا ځوابونه د نورو ځوانانو له ځوابونو سره یوځای کېږي. ټولنه او ولایت (Département) یوازې د ډلې پایلې ویني، ستا خپل ځوابونه نه.',
            'یوازې یو استثنا: که ته یا ستا قانوني استازی وغواړئ خپل معلومات وګورئ یا یې پاک کړئ، د ولایت اداره کولای شي ستا ځوابونه د دې غوښتنې لپاره راوباسي، او دا په یوه کتاب کې ثبتېږي.',
            'یوازې په وروستۍ پوښتنه کې ستا پیغام، که یې ولیکې، ټولنه یې لولي. ولایت یې هېڅکله نه ویني.',
            'ته کولای شې دا هم وټاکې چې هېڅ ځواب ورنه کړې: له دې انتخاب پرته به هېڅ نه ثبتېږي.',
            'ته کولای شې ودرېږې او وروسته په همدې لینک بیا پیل وکړې.',
            `پوښتنه لرې؟ اړیکه ونیسه: ${contactText}`,
          ],
        },
      },
    };
  }
  return {
    title: 'Avant de commencer',
    paragraphs: [
      `Ce questionnaire porte sur le mentorat que vous venez de terminer${association ? ` avec l'association ${association}` : ''}. Il prend quelques minutes.`,
      'Toutes les questions sont facultatives : vous pouvez passer celles auxquelles vous ne souhaitez pas répondre.',
      "Votre nom n'est pas demandé. Vos réponses sont regroupées avec celles des autres mentors : l'association et le Département ne voient que des résultats agrégés, pas vos réponses individuelles.",
      "Seule exception : si vous demandez à consulter ou à effacer vos données, l'administration du Département peut extraire vos réponses pour traiter cette demande ; l'extraction est inscrite au journal d'audit.",
      "Seul votre commentaire libre (dernière question), si vous en écrivez un, est lu par l'association ; il n'est jamais transmis au Département.",
      'Vous pouvez aussi choisir de ne pas répondre : seul ce choix sera enregistré.',
      'Vous pouvez vous interrompre et reprendre plus tard avec le même lien.',
      `Pour toute question : ${contact.trim()}`,
    ],
    translations: {
      en: {
        title: 'Before you start',
        paragraphs: [
          `This questionnaire is about the mentoring you have just completed${association ? ` with the association ${association}` : ''}. It takes a few minutes.`,
          'All questions are optional: you can skip those you do not wish to answer.',
          'Your name is not asked. Your answers are grouped with those of other mentors: the association and the Département only see aggregated results, not your individual answers.',
          "One exception: if you ask to see or erase your data, the Département's administration can extract your answers to handle that request; the extraction is recorded in the audit log.",
          'Only your free comment (last question), if you write one, is read by the association; it is never passed on to the Département.',
          'You can also choose not to answer: only that choice will be recorded.',
          'You can stop and continue later with the same link.',
          `For any question: ${contact.trim()}`,
        ],
      },
    },
  };
}

function commentQuestion(audience: Audience): QuestionJson {
  return audience === 'youth'
    ? {
        type: 'comment',
        name: 'commentaire',
        title: youth('Veux-tu ajouter quelque chose sur ton mentorat ?', {
          falc: 'Tu veux dire autre chose sur ton mentorat ?',
          en: 'Would you like to add anything about your mentoring?',
          ar: 'هل تريد أن تضيف شيئًا عن الإرشاد؟',
          prs: 'آیا می‌خواهی چیزی دربارهٔ رهنمایی‌ات اضافه کنی؟',
          ps: 'ایا غواړې د خپلې لارښوونې په اړه نور څه ووایې؟',
        }),
        description: youth("Seule l'association lira ce message. N'écris pas de nom : ni le tien, ni celui d'une autre personne.", {
          falc: 'Seule l’association lit ce message. Écris ton message sans aucun nom.',
          en: "Only the association will read this message. Do not write any name: neither yours nor anyone else's.",
          ar: 'الجمعية وحدها ستقرأ هذه الرسالة. لا تكتب أي اسم: لا اسمك ولا اسم شخص آخر.',
          prs: 'فقط انجمن این پیام را می‌خواند. هیچ نامی ننویس: نه نام خودت، نه نام کس دیگری.',
          ps: 'یوازې ټولنه به دا پیغام ولولي. هېڅ نوم مه لیکه: نه خپل، نه د بل چا.',
        }),
        maxLength: COMMENT_MAX_LENGTH,
        rows: 4,
      }
    : {
        type: 'comment',
        name: 'mentor_commentaire',
        title: mentor('Souhaitez-vous ajouter un commentaire sur ce mentorat ?', 'Would you like to add a comment about this mentoring?'),
        description: mentor(
          "Seule l'association lira ce commentaire. N'indiquez aucun nom : ni le vôtre, ni celui du jeune, ni celui d'une autre personne.",
          "Only the association will read this comment. Do not give any name: neither yours, nor the young person's, nor anyone else's.",
        ),
        maxLength: COMMENT_MAX_LENGTH,
        rows: 4,
      };
}

/** The free comment closes every questionnaire, whatever the indicators selected. */
export function coreClosingPage(audience: Audience): BlockPage {
  return {
    name: 'dernier_mot',
    title:
      audience === 'youth'
        ? youth('Un dernier mot', { falc: 'Un dernier mot', en: 'One last word', ar: 'كلمة أخيرة', prs: 'یک حرف آخر', ps: 'وروستۍ خبره' })
        : mentor('Un dernier mot', 'One last word'),
    elements: [commentQuestion(audience)],
  };
}

export interface SurveySettingsInput {
  audience: Audience;
  associationName?: string;
}

export const YOUTH_TITLE = youth('Ton avis sur ton mentorat', {
  falc: 'Ton avis sur ton mentorat',
  en: 'Your opinion on your mentoring',
  ar: 'رأيك في الإرشاد',
  prs: 'نظر تو دربارهٔ رهنمایی‌ات',
  ps: 'د خپلې لارښوونې په اړه ستا نظر',
});

/** Survey-level SurveyJS settings, chosen for phones and for a questionnaire where nothing is required. */
export function coreSurveySettings({ audience, associationName }: SurveySettingsInput): Record<string, unknown> {
  const association = associationName?.trim();
  const forYouth = audience === 'youth';
  const text = (fr: string, t: Parameters<typeof youth>[1]) => (forYouth ? youth(fr, t) : mentor(fr, t.en));
  return {
    locale: 'fr',
    title: forYouth ? YOUTH_TITLE : mentor('Questionnaire de fin de mentorat (mentor)', 'End-of-mentoring questionnaire (mentor)'),
    ...(association
      ? { description: text(`Association : ${association}`, { falc: `Association : ${association}`, en: `Association: ${association}`, ar: `الجمعية: ${association}`, prs: `انجمن: ${association}`, ps: `ټولنه: ${association}` }) }
      : {}),
    showQuestionNumbers: false,
    showProgressBar: true,
    progressBarType: 'pages',
    // Same rule as the server: an answer to a question that became hidden is not kept.
    clearInvisibleValues: 'onHidden',
    checkErrorsMode: 'onValueChanged',
    maxTextLength: COMMENT_MAX_LENGTH,
    pagePrevText: text('Précédent', { falc: 'Retour', en: 'Previous', ar: 'السابق', prs: 'قبلی', ps: 'مخکینی' }),
    pageNextText: text('Suivant', { falc: 'Suivant', en: 'Next', ar: 'التالي', prs: 'بعدی', ps: 'بل' }),
    completeText: forYouth
      ? youth('Envoyer mes réponses', { falc: 'Envoyer mes réponses', en: 'Send my answers', ar: 'إرسال أجوبتي', prs: 'فرستادن جواب‌هایم', ps: 'زما ځوابونه ولېږه' })
      : mentor('Envoyer', 'Send'),
    completedHtml: forYouth
      ? youth('<h2>Merci !</h2><p>Tes réponses vont aider à améliorer le mentorat.</p>', {
          falc: '<h2>Merci !</h2><p>Tes réponses aident à rendre le mentorat meilleur.</p>',
          en: '<h2>Thank you!</h2><p>Your answers will help improve mentoring.</p>',
          ar: '<h2>شكرًا!</h2><p>ستساعد أجوبتك على تحسين الإرشاد.</p>',
          prs: '<h2>تشکر!</h2><p>جواب‌های تو به بهتر شدن رهنمایی کمک می‌کند.</p>',
          ps: '<h2>مننه!</h2><p>ستا ځوابونه به د لارښوونې په ښه کولو کې مرسته وکړي.</p>',
        })
      : mentor('<h2>Merci</h2><p>Vos réponses aideront à améliorer le mentorat.</p>', '<h2>Thank you</h2><p>Your answers will help improve mentoring.</p>'),
  };
}
