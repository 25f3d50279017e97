import type { Audience } from './types.ts';
import { resolveLanguage, type Language } from './languages.ts';

// Every text a respondent reads around the questions (welcome, buttons, progress, errors, offline message, end
// pages, decline, read-aloud), in every language the questionnaire is offered in. The server renders the pages
// with it and embeds the chosen language's texts in the questionnaire page: the phone never downloads the others.
// `{n}`-style placeholders are filled by `fill`. Written by the project: a native speaker's review is recommended
// before production (docs/traductions.md). The youth speaks "tu", the mentor "vous".

// A type alias, not an interface: it must fit the API's `Record<string, …>` response schema (implicit index signature).
export type RespondentText = {
  appTitle: string;
  /** Label of the language choice (a list of links, each in its own language). */
  language: string;
  resuming: string;
  noscript: string;
  start: string;
  resume: string;
  decline: string;
  noTimeLimit: string;
  accessibilityLink: string;
  listen: string;
  stopListening: string;
  /** `{language}`: the language's own name. */
  noVoice: string;
  loading: string;
  /** `{n}`, `{total}`. */
  step: string;
  /** `{step}`. */
  progress: string;
  hint: string;
  sendingTitle: string;
  sendingAnnounce: string;
  sendingHeading: string;
  waitingHeading: string;
  waitingText: string;
  retryNow: string;
  offline: string;
  serverDown: string;
  sentAnnounce: string;
  rejected: string;
  rejectedFix: string;
  sentTitle: string;
  thanksHeading: string;
  alreadySentHeading: string;
  whatNow: string;
  whatNowItems: string[];
  closePage: string;
  unavailableTitle: string;
  unavailableHeading: string;
  unavailableParagraphs: string[];
  alreadyAnsweredTitle: string;
  alreadyAnsweredParagraphs: string[];
  declinedTitle: string;
  declinedParagraphs: string[];
};

const youthFr: RespondentText = {
  appTitle: 'Ton avis sur ton mentorat',
  language: 'Langue',
  resuming: 'Tu as déjà commencé : tes réponses sont gardées, tu reprends là où tu t’étais arrêté·e.',
  noscript: 'Pour répondre, ton navigateur doit autoriser JavaScript.',
  start: 'Commencer',
  resume: 'Reprendre',
  decline: 'Je ne veux pas répondre',
  noTimeLimit: 'Pas de limite de temps. Tu peux revenir en arrière à tout moment.',
  accessibilityLink: 'Accessibilité : partiellement conforme',
  listen: 'Écouter',
  stopListening: 'Arrêter la lecture',
  noVoice: 'Lecture à voix haute impossible : ce téléphone n’a pas de voix pour cette langue ({language}).',
  loading: 'Chargement du questionnaire…',
  step: 'Question {n} sur {total}',
  progress: 'Progression : {step}',
  hint: 'Tes réponses sont enregistrées au fur et à mesure : tu peux arrêter et reprendre plus tard avec le même lien.',
  sendingTitle: 'Envoi des réponses',
  sendingAnnounce: 'Envoi en cours…',
  sendingHeading: 'Envoi de tes réponses…',
  waitingHeading: 'Tes réponses attendent le réseau',
  waitingText: 'Tu n’as rien à refaire : dès que le réseau revient, elles partent toutes seules. Tu peux laisser cette page ouverte.',
  retryNow: 'Réessayer maintenant',
  offline: 'Pas de réseau : tes réponses sont gardées, on réessaie…',
  serverDown: 'Le serveur ne répond pas : tes réponses sont gardées, on réessaie…',
  sentAnnounce: 'Envoyé ! Merci, tes réponses sont bien arrivées.',
  rejected: 'Une réponse n’est pas acceptée.',
  rejectedFix: 'Vérifie tes réponses, corrige celle qui pose problème, puis appuie de nouveau sur « Envoyer mes réponses ».',
  sentTitle: 'Réponses envoyées',
  thanksHeading: 'Merci ! Tes réponses sont envoyées.',
  alreadySentHeading: 'Tes réponses ont déjà été envoyées. Merci !',
  whatNow: 'Et maintenant ?',
  whatNowItems: [
    'Tu n’as plus rien à faire.',
    'Tes réponses sont mélangées avec celles des autres jeunes. Personne ne les verra avec ton nom.',
    'Une fois par an, le Département et l’association regardent les résultats de tout le groupe pour améliorer le mentorat.',
  ],
  closePage: 'Tu peux fermer cette page.',
  unavailableTitle: 'Lien indisponible',
  unavailableHeading: 'Ce lien n’est pas disponible',
  unavailableParagraphs: [
    'Ce lien n’est pas ou plus valide : il a peut-être déjà servi pour répondre, ou il est trop ancien.',
    'Si tu n’as pas encore répondu et que tu veux le faire, demande un nouveau lien à l’association qui t’a accompagné·e.',
  ],
  alreadyAnsweredTitle: 'Tu as déjà répondu, merci !',
  alreadyAnsweredParagraphs: [
    'Tes réponses sont bien arrivées. On ne peut répondre qu’une seule fois.',
    'Elles sont mélangées avec celles des autres jeunes pour aider à améliorer le mentorat. Personne ne verra tes réponses avec ton nom.',
    'Tu n’as plus rien à faire : tu peux fermer cette page.',
  ],
  declinedTitle: 'C’est noté',
  declinedParagraphs: ['Tu as choisi de ne pas répondre. Seul ce choix est enregistré, rien d’autre.', 'Merci, et bonne continuation !'],
};

// Français facile (FALC): one idea per sentence, short sentences, everyday words, no abbreviation, few negatives.
const youthFalc: RespondentText = {
  appTitle: 'Ton avis sur ton mentorat',
  language: 'Langue',
  resuming: 'Tu as déjà commencé. Tes réponses sont gardées. Tu continues au même endroit.',
  noscript: 'Pour répondre, ton téléphone doit accepter JavaScript.',
  start: 'Commencer',
  resume: 'Continuer',
  decline: 'Je refuse de répondre',
  noTimeLimit: 'Tu as tout ton temps. Tu peux revenir en arrière.',
  accessibilityLink: 'Accessibilité : en partie conforme',
  listen: 'Écouter',
  stopListening: 'Arrêter',
  noVoice: 'Ce téléphone sait lire à voix haute seulement dans d’autres langues. Il lui manque une voix pour cette langue ({language}).',
  loading: 'Le questionnaire arrive…',
  step: 'Question {n} sur {total}',
  progress: 'Où tu en es : {step}',
  hint: 'Tes réponses sont gardées. Tu peux arrêter. Tu peux reprendre plus tard avec le même lien.',
  sendingTitle: 'Envoi des réponses',
  sendingAnnounce: 'Envoi en cours…',
  sendingHeading: 'Tes réponses partent…',
  waitingHeading: 'Tes réponses attendent le réseau',
  waitingText: 'Tes réponses sont gardées. Elles partent toutes seules quand le réseau revient. Tu peux laisser cette page ouverte.',
  retryNow: 'Essayer encore',
  offline: 'Pas de réseau. Tes réponses sont gardées. On essaie encore…',
  serverDown: 'Le serveur est en panne. Tes réponses sont gardées. On essaie encore…',
  sentAnnounce: 'Envoyé ! Merci. Tes réponses sont bien arrivées.',
  rejected: 'Une réponse pose un problème.',
  rejectedFix: 'Regarde tes réponses. Change la réponse qui pose problème. Puis appuie encore sur « Envoyer mes réponses ».',
  sentTitle: 'Réponses envoyées',
  thanksHeading: 'Merci ! Tes réponses sont envoyées.',
  alreadySentHeading: 'Tes réponses sont déjà envoyées. Merci !',
  whatNow: 'Et après ?',
  whatNowItems: [
    'C’est fini pour toi.',
    'Tes réponses sont mélangées avec les réponses des autres jeunes. Ton nom reste secret.',
    'Chaque année, le Département et l’association regardent les résultats du groupe. Ils veulent rendre le mentorat meilleur.',
  ],
  closePage: 'Tu peux fermer cette page.',
  unavailableTitle: 'Lien impossible à ouvrir',
  unavailableHeading: 'Ce lien est impossible à ouvrir',
  unavailableParagraphs: [
    'Ce lien est peut-être déjà utilisé. Ou il est trop vieux.',
    'Tu veux encore répondre ? Demande un nouveau lien à ton association.',
  ],
  alreadyAnsweredTitle: 'Tu as déjà répondu. Merci !',
  alreadyAnsweredParagraphs: [
    'Tes réponses sont bien arrivées. On répond une seule fois.',
    'Tes réponses sont mélangées avec les réponses des autres jeunes. Ton nom reste secret.',
    'C’est fini pour toi. Tu peux fermer cette page.',
  ],
  declinedTitle: 'C’est noté',
  declinedParagraphs: ['Tu as choisi de refuser. On garde seulement ce choix.', 'Merci, et bonne route !'],
};

const youthEn: RespondentText = {
  appTitle: 'Your opinion on your mentoring',
  language: 'Language',
  resuming: 'You have already started: your answers are saved, you continue where you stopped.',
  noscript: 'To answer, your browser must allow JavaScript.',
  start: 'Start',
  resume: 'Continue',
  decline: 'I do not want to answer',
  noTimeLimit: 'There is no time limit. You can go back at any time.',
  accessibilityLink: 'Accessibility: partially compliant',
  listen: 'Listen',
  stopListening: 'Stop reading',
  noVoice: 'Reading aloud is not possible: this phone has no voice for this language ({language}).',
  loading: 'Loading the questionnaire…',
  step: 'Question {n} of {total}',
  progress: 'Progress: {step}',
  hint: 'Your answers are saved as you go: you can stop and continue later with the same link.',
  sendingTitle: 'Sending the answers',
  sendingAnnounce: 'Sending…',
  sendingHeading: 'Sending your answers…',
  waitingHeading: 'Your answers are waiting for the network',
  waitingText: 'You have nothing to do again: as soon as the network is back, they will be sent automatically. You can leave this page open.',
  retryNow: 'Try again now',
  offline: 'No network: your answers are saved, trying again…',
  serverDown: 'The server is not responding: your answers are saved, trying again…',
  sentAnnounce: 'Sent! Thank you, your answers have arrived.',
  rejected: 'One answer was not accepted.',
  rejectedFix: 'Check your answers, correct the one that is a problem, then press “Send my answers” again.',
  sentTitle: 'Answers sent',
  thanksHeading: 'Thank you! Your answers have been sent.',
  alreadySentHeading: 'Your answers were already sent. Thank you!',
  whatNow: 'What happens now?',
  whatNowItems: [
    'You have nothing else to do.',
    'Your answers are mixed with those of other young people. Nobody will see them with your name.',
    'Once a year, the Département and the association look at the results of the whole group to improve mentoring.',
  ],
  closePage: 'You can close this page.',
  unavailableTitle: 'Link unavailable',
  unavailableHeading: 'This link is not available',
  unavailableParagraphs: [
    'This link is not valid or no longer valid: it may already have been used to answer, or it is too old.',
    'If you have not answered yet and want to, ask the association that supported you for a new link.',
  ],
  alreadyAnsweredTitle: 'You have already answered, thank you!',
  alreadyAnsweredParagraphs: [
    'Your answers have arrived. You can only answer once.',
    'They are mixed with those of other young people to help improve mentoring. Nobody will see your answers with your name.',
    'You have nothing else to do: you can close this page.',
  ],
  declinedTitle: 'Noted',
  declinedParagraphs: ['You chose not to answer. Only this choice is recorded, nothing else.', 'Thank you, and all the best!'],
};

const youthAr: RespondentText = {
  appTitle: 'رأيك في الإرشاد',
  language: 'اللغة',
  resuming: 'لقد بدأت من قبل: أجوبتك محفوظة، وستتابع من حيث توقفت.',
  noscript: 'للإجابة، يجب أن يسمح متصفحك بـ JavaScript.',
  start: 'ابدأ',
  resume: 'تابع',
  decline: 'لا أريد الإجابة',
  noTimeLimit: 'لا يوجد حد للوقت. يمكنك الرجوع إلى الخلف في أي وقت.',
  accessibilityLink: 'إمكانية الوصول: مطابقة جزئية',
  listen: 'استمع',
  stopListening: 'أوقف القراءة',
  noVoice: 'القراءة بصوت عالٍ غير ممكنة: لا يوجد في هذا الهاتف صوت لهذه اللغة ({language}).',
  loading: 'جارٍ تحميل الاستبيان…',
  step: 'السؤال {n} من {total}',
  progress: 'التقدّم: {step}',
  hint: 'تُحفظ أجوبتك أولًا بأول: يمكنك التوقف والمتابعة لاحقًا بنفس الرابط.',
  sendingTitle: 'إرسال الأجوبة',
  sendingAnnounce: 'جارٍ الإرسال…',
  sendingHeading: 'جارٍ إرسال أجوبتك…',
  waitingHeading: 'أجوبتك تنتظر الشبكة',
  waitingText: 'لا داعي لإعادة أي شيء: بمجرد عودة الشبكة، ستُرسل وحدها. يمكنك ترك هذه الصفحة مفتوحة.',
  retryNow: 'أعد المحاولة الآن',
  offline: 'لا توجد شبكة: أجوبتك محفوظة، نعيد المحاولة…',
  serverDown: 'الخادم لا يستجيب: أجوبتك محفوظة، نعيد المحاولة…',
  sentAnnounce: 'تم الإرسال! شكرًا، وصلت أجوبتك.',
  rejected: 'أحد الأجوبة غير مقبول.',
  rejectedFix: 'راجع أجوبتك، وصحّح الجواب الذي فيه مشكلة، ثم اضغط من جديد على «إرسال أجوبتي».',
  sentTitle: 'تم إرسال الأجوبة',
  thanksHeading: 'شكرًا! تم إرسال أجوبتك.',
  alreadySentHeading: 'سبق أن أُرسلت أجوبتك. شكرًا!',
  whatNow: 'وماذا الآن؟',
  whatNowItems: [
    'لم يعد عليك فعل أي شيء.',
    'تُخلط أجوبتك مع أجوبة الشباب الآخرين. لن يراها أحد مع اسمك.',
    'مرة في السنة، تنظر المقاطعة والجمعية في نتائج المجموعة كلها لتحسين الإرشاد.',
  ],
  closePage: 'يمكنك إغلاق هذه الصفحة.',
  unavailableTitle: 'الرابط غير متاح',
  unavailableHeading: 'هذا الرابط غير متاح',
  unavailableParagraphs: [
    'هذا الرابط غير صالح أو لم يعد صالحًا: ربما استُخدم من قبل للإجابة، أو أنه قديم جدًا.',
    'إذا لم تُجب بعد وتريد ذلك، اطلب رابطًا جديدًا من الجمعية التي رافقتك.',
  ],
  alreadyAnsweredTitle: 'لقد أجبت من قبل، شكرًا!',
  alreadyAnsweredParagraphs: [
    'وصلت أجوبتك. لا يمكن الإجابة إلا مرة واحدة.',
    'تُخلط مع أجوبة الشباب الآخرين للمساعدة على تحسين الإرشاد. لن يرى أحد أجوبتك مع اسمك.',
    'لم يعد عليك فعل أي شيء: يمكنك إغلاق هذه الصفحة.',
  ],
  declinedTitle: 'تم التسجيل',
  declinedParagraphs: ['اخترت عدم الإجابة. يُسجَّل هذا الاختيار فقط، ولا شيء غيره.', 'شكرًا، وبالتوفيق!'],
};

const youthPrs: RespondentText = {
  appTitle: 'نظر تو دربارهٔ رهنمایی‌ات',
  language: 'زبان',
  resuming: 'تو قبلاً شروع کرده‌ای: جواب‌هایت نگه داشته شده، از همان جایی که ماندی ادامه می‌دهی.',
  noscript: 'برای جواب دادن، مرورگرت باید JavaScript را اجازه بدهد.',
  start: 'شروع',
  resume: 'ادامه',
  decline: 'نمی‌خواهم جواب بدهم',
  noTimeLimit: 'محدودیت وقت نیست. هر وقت بخواهی می‌توانی به عقب برگردی.',
  accessibilityLink: 'دسترسی‌پذیری: تا اندازه‌ای مطابق',
  listen: 'شنیدن',
  stopListening: 'توقف خواندن',
  noVoice: 'خواندن با صدای بلند ممکن نیست: این تلفن برای این زبان ({language}) صدا ندارد.',
  loading: 'پرسشنامه بار می‌شود…',
  step: 'سوال {n} از {total}',
  progress: 'پیشرفت: {step}',
  hint: 'جواب‌هایت همزمان ذخیره می‌شود: می‌توانی دست بکشی و بعداً با همین لینک ادامه بدهی.',
  sendingTitle: 'فرستادن جواب‌ها',
  sendingAnnounce: 'در حال فرستادن…',
  sendingHeading: 'جواب‌هایت فرستاده می‌شود…',
  waitingHeading: 'جواب‌هایت منتظر انترنت است',
  waitingText: 'لازم نیست کاری را دوباره انجام بدهی: همین که انترنت برگردد، خودشان فرستاده می‌شوند. می‌توانی این صفحه را باز بگذاری.',
  retryNow: 'حالا دوباره امتحان کن',
  offline: 'انترنت نیست: جواب‌هایت نگه داشته شده، دوباره امتحان می‌کنیم…',
  serverDown: 'سرور جواب نمی‌دهد: جواب‌هایت نگه داشته شده، دوباره امتحان می‌کنیم…',
  sentAnnounce: 'فرستاده شد! تشکر، جواب‌هایت رسید.',
  rejected: 'یکی از جواب‌ها پذیرفته نشد.',
  rejectedFix: 'جواب‌هایت را بررسی کن، جوابی را که مشکل دارد درست کن، بعد دوباره «فرستادن جواب‌هایم» را فشار بده.',
  sentTitle: 'جواب‌ها فرستاده شد',
  thanksHeading: 'تشکر! جواب‌هایت فرستاده شد.',
  alreadySentHeading: 'جواب‌هایت قبلاً فرستاده شده. تشکر!',
  whatNow: 'حالا چه می‌شود؟',
  whatNowItems: [
    'دیگر کاری نداری.',
    'جواب‌هایت با جواب‌های جوانان دیگر یکجا می‌شود. هیچ کس آن‌ها را با نام تو نمی‌بیند.',
    'سالی یک بار، ولایت و انجمن نتیجه‌های همهٔ گروه را می‌بینند تا رهنمایی را بهتر کنند.',
  ],
  closePage: 'می‌توانی این صفحه را ببندی.',
  unavailableTitle: 'لینک در دسترس نیست',
  unavailableHeading: 'این لینک در دسترس نیست',
  unavailableParagraphs: [
    'این لینک معتبر نیست یا دیگر معتبر نیست: شاید قبلاً برای جواب دادن استفاده شده، یا خیلی کهنه است.',
    'اگر هنوز جواب نداده‌ای و می‌خواهی جواب بدهی، از انجمنی که همراهت بود لینک تازه بخواه.',
  ],
  alreadyAnsweredTitle: 'تو قبلاً جواب داده‌ای، تشکر!',
  alreadyAnsweredParagraphs: [
    'جواب‌هایت رسید. فقط یک بار می‌شود جواب داد.',
    'جواب‌هایت با جواب‌های جوانان دیگر یکجا می‌شود تا به بهتر شدن رهنمایی کمک کند. هیچ کس جواب‌هایت را با نام تو نمی‌بیند.',
    'دیگر کاری نداری: می‌توانی این صفحه را ببندی.',
  ],
  declinedTitle: 'ثبت شد',
  declinedParagraphs: ['تو انتخاب کردی که جواب ندهی. فقط همین انتخاب ثبت می‌شود، چیز دیگری نه.', 'تشکر، موفق باشی!'],
};

const youthPs: RespondentText = {
  appTitle: 'د خپلې لارښوونې په اړه ستا نظر',
  language: 'ژبه',
  resuming: 'تا مخکې پیل کړی و: ستا ځوابونه ساتل شوي، له هماغه ځایه دوام ورکوې چې درېدلی وې.',
  noscript: 'د ځواب لپاره، ستا براوزر باید JavaScript ته اجازه ورکړي.',
  start: 'پیل',
  resume: 'دوام',
  decline: 'نه غواړم ځواب ورکړم',
  noTimeLimit: 'د وخت حد نشته. هر وخت کولای شې شاته لاړ شې.',
  accessibilityLink: 'لاسرسی: تر یوه حده برابر',
  listen: 'واورئ',
  stopListening: 'لوستل ودروه',
  noVoice: 'په لوړ غږ لوستل ممکن نه دي: دا ټیلیفون د دې ژبې ({language}) لپاره غږ نلري.',
  loading: 'پوښتنلیک راځي…',
  step: 'پوښتنه {n} له {total} څخه',
  progress: 'پرمختګ: {step}',
  hint: 'ستا ځوابونه سم دلاسه ساتل کېږي: ته کولای شې ودرېږې او وروسته په همدې لینک دوام ورکړې.',
  sendingTitle: 'د ځوابونو لېږل',
  sendingAnnounce: 'لېږل کېږي…',
  sendingHeading: 'ستا ځوابونه لېږل کېږي…',
  waitingHeading: 'ستا ځوابونه د انټرنیټ انتظار کوي',
  waitingText: 'هېڅ شی بیا کولو ته اړتیا نشته: کله چې انټرنیټ بېرته راشي، پخپله به ولېږل شي. ته کولای شې دا پاڼه خلاصه پرېږدې.',
  retryNow: 'اوس بیا هڅه وکړه',
  offline: 'انټرنیټ نشته: ستا ځوابونه ساتل شوي، بیا هڅه کوو…',
  serverDown: 'سرور ځواب نه ورکوي: ستا ځوابونه ساتل شوي، بیا هڅه کوو…',
  sentAnnounce: 'ولېږل شول! مننه، ستا ځوابونه ورسېدل.',
  rejected: 'یو ځواب ونه منل شو.',
  rejectedFix: 'خپل ځوابونه وګوره، هغه ځواب سم کړه چې ستونزه لري، بیا «زما ځوابونه ولېږه» بیا کېکاږه.',
  sentTitle: 'ځوابونه ولېږل شول',
  thanksHeading: 'مننه! ستا ځوابونه ولېږل شول.',
  alreadySentHeading: 'ستا ځوابونه مخکې لېږل شوي. مننه!',
  whatNow: 'اوس څه کېږي؟',
  whatNowItems: [
    'نور هېڅ کار نلرې.',
    'ستا ځوابونه د نورو ځوانانو له ځوابونو سره ګډېږي. هېڅوک به یې ستا له نوم سره ونه ویني.',
    'په کال کې یو ځل، ولایت او ټولنه د ټولې ډلې پایلې ګوري ترڅو لارښوونه ښه کړي.',
  ],
  closePage: 'ته کولای شې دا پاڼه وتړې.',
  unavailableTitle: 'لینک شتون نلري',
  unavailableHeading: 'دا لینک شتون نلري',
  unavailableParagraphs: [
    'دا لینک سم نه دی یا نور سم نه دی: کېدای شي مخکې د ځواب لپاره کارول شوی وي، یا ډېر زوړ وي.',
    'که دې تر اوسه ځواب نه دی ورکړی او غواړې یې ورکړې، له هغې ټولنې چې ستا ملګرې وه نوی لینک وغواړه.',
  ],
  alreadyAnsweredTitle: 'تا مخکې ځواب ورکړی، مننه!',
  alreadyAnsweredParagraphs: [
    'ستا ځوابونه ورسېدل. یوازې یو ځل ځواب ورکول کېږي.',
    'ستا ځوابونه د نورو ځوانانو له ځوابونو سره ګډېږي ترڅو د لارښوونې په ښه کولو کې مرسته وکړي. هېڅوک به ستا ځوابونه ستا له نوم سره ونه ویني.',
    'نور هېڅ کار نلرې: ته کولای شې دا پاڼه وتړې.',
  ],
  declinedTitle: 'ثبت شو',
  declinedParagraphs: ['تا وټاکل چې ځواب ورنه کړې. یوازې دا انتخاب ثبتېږي، بل هېڅ نه.', 'مننه، بریالی اوسې!'],
};

const mentorFr: RespondentText = {
  ...youthFr,
  appTitle: 'Questionnaire de fin de mentorat',
  resuming: 'Vous avez déjà commencé : vos réponses sont gardées, vous reprenez là où vous vous étiez arrêté·e.',
  noscript: 'Pour répondre, votre navigateur doit autoriser JavaScript.',
  decline: 'Je ne souhaite pas répondre',
  noTimeLimit: 'Aucune limite de temps. Vous pouvez revenir en arrière à tout moment.',
  noVoice: 'Lecture à voix haute impossible : cet appareil n’a pas de voix pour cette langue ({language}).',
  hint: 'Vos réponses sont enregistrées au fur et à mesure : vous pouvez reprendre plus tard avec le même lien.',
  sendingHeading: 'Envoi de vos réponses…',
  waitingHeading: 'Vos réponses attendent le réseau',
  waitingText: 'Rien à refaire : elles partiront dès que le réseau reviendra.',
  offline: 'Pas de réseau : vos réponses sont gardées, nouvel essai automatique…',
  serverDown: 'Le serveur ne répond pas : vos réponses sont gardées, nouvel essai automatique…',
  sentAnnounce: 'Envoyé. Merci, vos réponses sont bien arrivées.',
  rejectedFix: 'Vérifiez vos réponses puis envoyez-les de nouveau.',
  thanksHeading: 'Merci ! Vos réponses sont envoyées.',
  alreadySentHeading: 'Vos réponses ont déjà été envoyées. Merci !',
  whatNowItems: [
    'Vous n’avez plus rien à faire.',
    'Vos réponses sont regroupées avec celles des autres mentors ; personne ne les voit individuellement.',
    'Chaque année, le Département et l’association s’en servent pour évaluer et améliorer le programme.',
  ],
  closePage: 'Vous pouvez fermer cette page.',
  unavailableParagraphs: [
    'Ce lien n’est pas ou plus valide : il a peut-être déjà servi pour répondre, ou il est trop ancien.',
    'Si vous n’avez pas encore répondu, demandez un nouveau lien à l’association.',
  ],
  alreadyAnsweredTitle: 'Vous avez déjà répondu, merci !',
  alreadyAnsweredParagraphs: [
    'Vos réponses ont bien été envoyées. Ce questionnaire ne se remplit qu’une fois.',
    'Elles sont regroupées avec celles des autres mentors pour évaluer le programme.',
    'Vous pouvez fermer cette page.',
  ],
  declinedParagraphs: ['Vous avez choisi de ne pas répondre. Seul ce choix est enregistré.', 'Merci pour votre engagement de mentor.'],
};

const mentorEn: RespondentText = {
  ...youthEn,
  appTitle: 'End-of-mentoring questionnaire',
  resuming: 'You have already started: your answers are saved, you continue where you stopped.',
  decline: 'I would rather not answer',
  waitingText: 'Nothing to do again: they will be sent as soon as the network is back.',
  offline: 'No network: your answers are saved, retrying automatically…',
  serverDown: 'The server is not responding: your answers are saved, retrying automatically…',
  rejectedFix: 'Please check your answers, then send them again.',
  whatNowItems: [
    'You have nothing else to do.',
    'Your answers are grouped with those of other mentors; nobody sees them individually.',
    'Every year, the Département and the association use them to evaluate and improve the programme.',
  ],
  unavailableParagraphs: [
    'This link is not valid or no longer valid: it may already have been used to answer, or it is too old.',
    'If you have not answered yet, ask the association for a new link.',
  ],
  alreadyAnsweredParagraphs: [
    'Your answers have been sent. This questionnaire can only be filled in once.',
    'They are grouped with those of other mentors to evaluate the programme.',
    'You can close this page.',
  ],
  declinedParagraphs: ['You chose not to answer. Only this choice is recorded.', 'Thank you for your commitment as a mentor.'],
  declinedTitle: 'Noted',
};

export const YOUTH_TEXT: Readonly<Record<Language, RespondentText>> = { fr: youthFr, falc: youthFalc, en: youthEn, ar: youthAr, prs: youthPrs, ps: youthPs };
export const MENTOR_TEXT: Readonly<Record<'fr' | 'en', RespondentText>> = { fr: mentorFr, en: mentorEn };

/** The texts for one audience and language; an unknown or unoffered language means French. */
export function respondentText(audience: Audience, language: unknown): RespondentText {
  const resolved = resolveLanguage(language, audience);
  return audience === 'youth' ? YOUTH_TEXT[resolved] : MENTOR_TEXT[resolved as 'fr' | 'en'];
}

export { fill } from './fill.ts';

/** The accessibility statement in the other languages (the French page, the legal reference, is in pages.ts). */
export interface AccessibilityText {
  title: string;
  intro: string;
  statusTitle: string;
  status: string;
  issuesTitle: string;
  issues: string[];
  methodTitle: string;
  method: string;
  contactTitle: string;
  contact: string;
  remediesTitle: string;
  remedies: string;
}

export const ACCESSIBILITY_TEXT: Readonly<Record<Exclude<Language, 'fr'>, AccessibilityText>> = {
  falc: {
    title: 'Accessibilité du questionnaire',
    intro: 'Le Département veut un questionnaire facile à utiliser pour tout le monde. Par exemple : pour les personnes aveugles ou pour les personnes qui lisent difficilement.',
    statusTitle: 'Où en est le questionnaire ?',
    status: 'Le questionnaire respecte une partie des règles d’accessibilité. Ces règles s’appellent le RGAA.',
    issuesTitle: 'Ce qui reste difficile',
    issues: ['Le questionnaire a besoin de JavaScript.', 'Le questionnaire est encore peu testé avec les lecteurs d’écran.'],
    methodTitle: 'Comment on a vérifié',
    method: 'On a testé le questionnaire sur des petits écrans de téléphone. On a utilisé l’outil axe-core. On a vérifié chaque page. Date : 4 décembre 2026.',
    contactTitle: 'Tu as un problème ?',
    contact: 'Contacte l’association qui t’a envoyé le lien. Elle peut t’aider à répondre autrement. Par exemple : par téléphone ou sur papier.',
    remediesTitle: 'Personne ne t’aide ?',
    remedies: 'Tu peux écrire au Défenseur des droits. C’est gratuit. Site : defenseurdesdroits.fr. Adresse : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  en: {
    title: 'Accessibility statement',
    intro: 'The Département is committed to making its websites and services accessible. This statement covers the Impact Mentorat end-of-mentoring questionnaires.',
    statusTitle: 'Compliance status',
    status: 'The questionnaires are partially compliant with the French accessibility framework (RGAA 4.1, based on WCAG 2.1 AA). No full audit has been carried out yet.',
    issuesTitle: 'Known non-accessible content',
    issues: ['The questionnaire needs JavaScript; without it only the welcome page, the notice and declining work.', 'Use with screen readers has only been partly checked.'],
    methodTitle: 'How this statement was established',
    method: 'Self-assessment on 4 December 2026: Chromium on a simulated phone (320 and 390 pixels wide, 200 % zoom), axe-core (WCAG 2.1 A and AA) on every step of the questionnaire.',
    contactTitle: 'Feedback and contact',
    contact: 'If you cannot access some content, contact the association that sent you the link: it will offer another way to answer, for example by phone or on paper.',
    remediesTitle: 'Remedies',
    remedies: 'If you get no answer, you can contact the Défenseur des droits (defenseurdesdroits.fr) or write, free of charge, to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  ar: {
    title: 'بيان إمكانية الوصول',
    intro: 'تلتزم المقاطعة بجعل مواقعها وخدماتها سهلة الوصول للجميع. يخص هذا البيان استبيانات نهاية الإرشاد في Impact Mentorat.',
    statusTitle: 'حالة المطابقة',
    status: 'الاستبيانات مطابقة جزئيًا للمرجع الفرنسي لإمكانية الوصول (RGAA 4.1، المبني على WCAG 2.1 AA). لم يُجرَ بعد تدقيق كامل.',
    issuesTitle: 'محتوى غير متاح معروف',
    issues: ['يحتاج الاستبيان إلى JavaScript؛ بدونه تعمل فقط صفحة الترحيب والإشعار ورفض الإجابة.', 'لم يُختبر الاستخدام مع قارئات الشاشة إلا جزئيًا.'],
    methodTitle: 'كيف أُعدّ هذا البيان',
    method: 'تقييم ذاتي بتاريخ 4 ديسمبر 2026: متصفح Chromium على هاتف محاكى (عرض 320 و390 بكسل، تكبير 200٪)، وأداة axe-core على كل خطوة من الاستبيان.',
    contactTitle: 'الملاحظات والتواصل',
    contact: 'إذا لم تتمكن من الوصول إلى محتوى ما، تواصل مع الجمعية التي أرسلت لك الرابط: ستقترح عليك طريقة أخرى للإجابة، مثلًا بالهاتف أو على الورق.',
    remediesTitle: 'سُبل الطعن',
    remedies: 'إذا لم تحصل على رد، يمكنك التواصل مع المدافع عن الحقوق (defenseurdesdroits.fr) أو الكتابة مجانًا إلى: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  prs: {
    title: 'بیانیهٔ دسترسی‌پذیری',
    intro: 'ولایت متعهد است که ویب‌سایت‌ها و خدماتش برای همه قابل دسترس باشد. این بیانیه مربوط به پرسشنامه‌های پایان رهنمایی Impact Mentorat است.',
    statusTitle: 'وضعیت مطابقت',
    status: 'این پرسشنامه‌ها تا اندازه‌ای با معیار دسترسی‌پذیری فرانسه (RGAA 4.1، بر پایهٔ WCAG 2.1 AA) مطابقت دارند. هنوز بررسی کامل انجام نشده است.',
    issuesTitle: 'محتوای غیرقابل دسترس شناخته‌شده',
    issues: ['پرسشنامه به JavaScript نیاز دارد؛ بدون آن فقط صفحهٔ خوش‌آمد، اطلاعیه و رد کردن کار می‌کند.', 'استفاده با صفحه‌خوان‌ها فقط تا اندازه‌ای بررسی شده است.'],
    methodTitle: 'این بیانیه چطور تهیه شد',
    method: 'ارزیابی خودی در ۴ دسامبر ۲۰۲۶: Chromium روی تلفن شبیه‌سازی‌شده (عرض ۳۲۰ و ۳۹۰ پیکسل، بزرگ‌نمایی ۲۰۰٪)، و ابزار axe-core روی هر مرحلهٔ پرسشنامه.',
    contactTitle: 'نظر و تماس',
    contact: 'اگر به محتوایی دسترسی نداری، با انجمنی که لینک را برایت فرستاده تماس بگیر: راه دیگری برای جواب دادن پیشنهاد می‌کند، مثلاً با تلفن یا روی کاغذ.',
    remediesTitle: 'راه‌های شکایت',
    remedies: 'اگر جوابی نگرفتی، می‌توانی با مدافع حقوق (defenseurdesdroits.fr) تماس بگیری یا رایگان بنویسی به: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  ps: {
    title: 'د لاسرسي بیانیه',
    intro: 'ولایت ژمن دی چې خپلې وېبپاڼې او خدمتونه د ټولو لپاره د لاسرسي وړ کړي. دا بیانیه د Impact Mentorat د لارښوونې د پای پوښتنلیکونو په اړه ده.',
    statusTitle: 'د برابرۍ حالت',
    status: 'دا پوښتنلیکونه د فرانسې د لاسرسي له معیار (RGAA 4.1، د WCAG 2.1 AA پر بنسټ) سره تر یوه حده برابر دي. تر اوسه بشپړه ارزونه نه ده شوې.',
    issuesTitle: 'پېژندل شوې ستونزې',
    issues: ['پوښتنلیک JavaScript ته اړتیا لري؛ له هغه پرته یوازې د ښه راغلاست پاڼه، خبرتیا او انکار کار کوي.', 'د سکرین لوستونکو سره کارول یوازې تر یوه حده ازمویل شوي.'],
    methodTitle: 'دا بیانیه څنګه جوړه شوه',
    method: 'ځاني ارزونه د ۲۰۲۶ د ډسمبر په ۴مه: Chromium په یوه جوړ شوي ټیلیفون (۳۲۰ او ۳۹۰ پکسله پلن، ۲۰۰٪ لویول)، او د axe-core وسیله د پوښتنلیک په هر ګام.',
    contactTitle: 'نظر او اړیکه',
    contact: 'که یوې برخې ته لاسرسی نلرې، له هغې ټولنې سره اړیکه ونیسه چې لینک یې درته لېږلی: هغه به د ځواب بله لاره وړاندې کړي، د بېلګې په توګه په ټیلیفون یا پر کاغذ.',
    remediesTitle: 'د شکایت لارې',
    remedies: 'که ځواب دې ترلاسه نه کړ، کولای شې د حقونو له مدافع (defenseurdesdroits.fr) سره اړیکه ونیسې یا وړیا ولیکې: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
};
