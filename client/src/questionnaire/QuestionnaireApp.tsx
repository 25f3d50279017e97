import { useEffect, useMemo, useRef, useState } from 'react';
import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import { Survey } from 'survey-react-ui';
import { registerSurveyProperties } from '../../../surveys/register.ts';
import { forgetKept, loadKept, newIdempotencyKey, saveKept, type Kept } from './storage.ts';

registerSurveyProperties();

export interface Loaded {
  audience: 'youth' | 'mentor';
  survey: Record<string, unknown>;
  /** Server copy of the partial answers (`__question`/`__page` say where the respondent stopped). */
  draft: Record<string, unknown> | null;
}

type Answers = Record<string, unknown>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'answering'; data: Loaded }
  | { kind: 'sending'; data: Loaded }
  | { kind: 'sent'; already: boolean };

const api = (publicId: string, path: string) => `/r/${publicId}/api/${path}`;
const DRAFT_DELAY_MS = 800;
/** Retry delays after a failed submission; the `online` event and returning to the page retry at once. */
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000, 60_000];
const APP_TITLE = { youth: 'Ton avis sur ton mentorat', mentor: 'Questionnaire de fin de mentorat' } as const;

function setTitle(step: string, audience: 'youth' | 'mentor') {
  document.title = `${step} — ${APP_TITLE[audience]} — Impact Mentorat`;
}

/** Reads where the respondent stopped: unsent answers of this phone first, else the server draft (maybe another phone). */
function startingPoint(kept: Kept | null, draft: Answers | null): { answers: Answers; question?: string; page?: number } {
  if (kept && !kept.synced) return { answers: kept.answers, question: kept.question };
  if (draft) {
    const { __question, __page, ...answers } = draft;
    return {
      answers,
      question: typeof __question === 'string' ? __question : undefined,
      page: typeof __page === 'number' ? __page : undefined,
    };
  }
  if (kept) return { answers: kept.answers, question: kept.question };
  return { answers: {} };
}

export function QuestionnaireApp({ publicId, initial }: { publicId: string; initial: Loaded | null }) {
  const [phase, setPhase] = useState<Phase>(() => {
    if (!initial) return { kind: 'loading' };
    return loadKept(publicId)?.pending ? { kind: 'sending', data: initial } : { kind: 'answering', data: initial };
  });
  // One live region for the whole questionnaire: screen readers hear "Envoi en cours", "Pas de réseau", "Envoyé".
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (initial) return;
    fetch(api(publicId, 'questionnaire'), { credentials: 'same-origin' })
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? 'Le questionnaire ne peut pas être chargé.');
        const data = body as Loaded;
        setPhase(loadKept(publicId)?.pending ? { kind: 'sending', data } : { kind: 'answering', data });
      })
      .catch((error: Error) => setPhase({ kind: 'unavailable', message: error.message }));
  }, [publicId, initial]);

  const audience = phase.kind === 'answering' || phase.kind === 'sending' ? phase.data.audience : (initial?.audience ?? 'youth');
  let content: React.ReactNode;
  if (phase.kind === 'loading') content = <p className="im-status">Chargement du questionnaire…</p>;
  else if (phase.kind === 'unavailable') content = <Unavailable message={phase.message} audience={audience} />;
  else if (phase.kind === 'sent') content = <ThankYou youth={audience === 'youth'} already={phase.already} />;
  else if (phase.kind === 'answering')
    content = <SurveyRunner publicId={publicId} data={phase.data} onSend={() => setPhase({ kind: 'sending', data: phase.data })} />;
  else
    content = (
      <Sender
        publicId={publicId}
        youth={audience === 'youth'}
        announce={setAnnouncement}
        onDone={(already) => setPhase({ kind: 'sent', already })}
        onBack={(message) => {
          setAnnouncement('');
          setPhase({ kind: 'answering', data: phase.data });
          window.setTimeout(() => setAnnouncement(message), 50);
        }}
        onUnavailable={(message) => setPhase({ kind: 'unavailable', message })}
      />
    );

  return (
    <>
      <p role="status" aria-live="polite" className={announcement ? 'im-status' : 'im-visually-hidden'}>
        {announcement}
      </p>
      {content}
    </>
  );
}

let prepared: { publicId: string; data: Loaded; model: Model } | null = null;

/**
 * Builds the SurveyJS model (a few hundred ms on a slow phone) as soon as the bundle has run, while the respondent
 * is still reading the welcome screen; "Commencer" then only has to render it.
 */
export function prepareModel(publicId: string, data: Loaded): void {
  if (prepared?.publicId === publicId && prepared.data === data) return;
  prepared = { publicId, data, model: buildModel(publicId, data) };
}

function takePreparedModel(publicId: string, data: Loaded): Model {
  const ready = prepared?.publicId === publicId && prepared.data === data ? prepared.model : buildModel(publicId, data);
  prepared = null;
  return ready;
}

function buildModel(publicId: string, data: Loaded): Model {
  const m = new Model(data.survey);
  m.locale = 'fr';
  // One question per screen: big tap targets, no scrolling on a small phone, and the page title stays above the
  // question, so a "before / today" pair reads as two steps of the same theme.
  m.questionsOnPageMode = 'questionPerPage';
  // Our own progress bar (a native <progress> named by "Question n sur N") replaces SurveyJS's "pages" bar.
  m.showProgressBar = false;
  m.showCompletedPage = false;
  m.showTitle = false;
  m.autoFocusFirstQuestion = false;
  // SurveyJS would render for a desktop first, measure, then render again for a phone: say it at once (600 px is
  // its --sd-mobile-width) and save a whole render on a slow CPU.
  m.setIsMobile(window.innerWidth < 600);
  const kept = loadKept(publicId);
  const start = startingPoint(kept, data.draft);
  m.data = start.answers;
  const question = start.question ? m.getQuestionByName(start.question) : null;
  if (question?.isVisible) m.currentSingleQuestion = question;
  else if (start.page !== undefined && start.page < m.visiblePageCount) m.currentPageNo = start.page;
  return m;
}

function SurveyRunner({ publicId, data, onSend }: { publicId: string; data: Loaded; onSend: () => void }) {
  const youth = data.audience === 'youth';
  const model = useMemo(() => {
    performance.mark('im:model-start');
    return takePreparedModel(publicId, data);
  }, [data, publicId]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [position, setPosition] = useState(() => stepOf(model));
  const sendRef = useRef(onSend);
  sendRef.current = onSend;

  useEffect(() => {
    performance.mark('im:question-rendered');
    const kept = loadKept(publicId);
    const idempotencyKey = kept?.idempotencyKey ?? newIdempotencyKey();
    let version = 0;
    let syncedVersion = 0;
    let timer: number | undefined;

    const snapshot = (): Kept => ({ answers: model.data as Answers, question: model.currentSingleQuestion?.name, synced: version === syncedVersion, idempotencyKey });
    const keepLocally = () => saveKept(publicId, snapshot());
    const push = (keepalive = false) => {
      window.clearTimeout(timer);
      if (version === syncedVersion) return;
      const sent = version;
      const body = JSON.stringify({ answers: model.data, currentPage: model.currentPageNo, currentQuestion: model.currentSingleQuestion?.name });
      fetch(api(publicId, 'draft'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body, keepalive, credentials: 'same-origin' })
        .then((res) => {
          if (res.ok && sent === version) {
            syncedVersion = sent;
            keepLocally();
          }
        })
        .catch(() => undefined); // offline: localStorage keeps the answers, the next change or page will retry
    };
    const changed = () => {
      version += 1;
      keepLocally();
    };
    // This phone's unsent answers (restored above) go to the server at once, for resuming on another phone.
    if (kept && !kept.synced) version = 1;
    keepLocally();
    push();

    const onValue = () => {
      changed();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => push(), DRAFT_DELAY_MS);
    };
    const onPage = () => {
      changed();
      push();
      setPosition(stepOf(model));
      // The new question's heading gets the focus: a screen reader reads it, a keyboard continues from there.
      window.requestAnimationFrame(() => heading.current?.focus());
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') push(true);
    };
    const onPageHide = () => push(true);
    const onComplete = () => {
      window.clearTimeout(timer);
      saveKept(publicId, { ...snapshot(), pending: true });
      sendRef.current();
    };
    model.onValueChanged.add(onValue);
    model.onCurrentPageChanged.add(onPage);
    model.onComplete.add(onComplete);
    model.onQuestionVisibleChanged.add(() => setPosition(stepOf(model)));
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.clearTimeout(timer);
      model.onValueChanged.remove(onValue);
      model.onCurrentPageChanged.remove(onPage);
      model.onComplete.remove(onComplete);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [model, publicId]);

  const stepLabel = `Question ${position.index} sur ${position.total}`;
  useEffect(() => setTitle(stepLabel, data.audience), [stepLabel, data.audience]);

  return (
    <section aria-labelledby="im-etape">
      <h1 id="im-etape" ref={heading} tabIndex={-1} className="im-step">
        <span className="im-step-theme">{position.theme}</span>
        <span className="im-step-count">{stepLabel}</span>
      </h1>
      <progress className="im-progress" max={position.total} value={position.index} aria-label={`Progression : ${stepLabel}`} />
      <Survey model={model} />
      <p className="im-hint">{youth ? 'Tes réponses sont enregistrées au fur et à mesure : tu peux arrêter et reprendre plus tard avec le même lien.' : 'Vos réponses sont enregistrées au fur et à mesure : vous pouvez reprendre plus tard avec le même lien.'}</p>
    </section>
  );
}

/** Where the respondent is, counted over the questions currently visible (some appear only after an answer). */
function stepOf(model: Model): { index: number; total: number; theme: string } {
  const visible = model.getAllQuestions(true);
  const current = model.currentSingleQuestion;
  const index = current ? visible.indexOf(current) + 1 : 1;
  return { index: Math.max(index, 1), total: visible.length, theme: String((current?.page as { title?: string } | undefined)?.title ?? model.currentPage?.title ?? '') };
}

type SendState = { kind: 'trying'; attempt: number } | { kind: 'waiting'; reason: 'network' | 'server'; attempt: number };

/**
 * Sends the answers kept on the phone, again and again until the server confirms. The idempotency key was fixed
 * before the first try, so a retry after a lost confirmation gets "déjà enregistré", never a second response.
 */
function Sender(props: {
  publicId: string;
  youth: boolean;
  announce: (message: string) => void;
  onDone: (already: boolean) => void;
  onBack: (message: string) => void;
  onUnavailable: (message: string) => void;
}) {
  const { publicId, youth, announce } = props;
  const callbacks = useRef(props);
  callbacks.current = props;
  const [state, setState] = useState<SendState>({ kind: 'trying', attempt: 0 });

  useEffect(() => {
    setTitle('Envoi des réponses', youth ? 'youth' : 'mentor');
    announce('Envoi en cours…');
  }, [announce, youth]);

  useEffect(() => {
    if (state.kind !== 'trying') {
      const delay = RETRY_DELAYS_MS[Math.min(state.attempt, RETRY_DELAYS_MS.length - 1)]!;
      const retry = () => setState({ kind: 'trying', attempt: state.attempt + 1 });
      const timer = window.setTimeout(retry, delay);
      const onVisible = () => document.visibilityState === 'visible' && retry();
      window.addEventListener('online', retry);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        window.clearTimeout(timer);
        window.removeEventListener('online', retry);
        document.removeEventListener('visibilitychange', onVisible);
      };
    }
    const kept = loadKept(publicId);
    if (!kept) {
      callbacks.current.onBack('');
      return;
    }
    let cancelled = false;
    const wait = (reason: 'network' | 'server') => {
      if (cancelled) return;
      announce(
        reason === 'network'
          ? youth
            ? 'Pas de réseau : tes réponses sont gardées, on réessaie…'
            : 'Pas de réseau : vos réponses sont gardées, nouvel essai automatique…'
          : youth
            ? 'Le serveur ne répond pas : tes réponses sont gardées, on réessaie…'
            : 'Le serveur ne répond pas : vos réponses sont gardées, nouvel essai automatique…',
      );
      setState({ kind: 'waiting', reason, attempt: state.attempt });
    };
    fetch(api(publicId, 'response'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ answers: kept.answers, idempotencyKey: kept.idempotencyKey }),
    })
      .then(async (res) => {
        if (cancelled) return;
        if (res.ok || res.status === 409) {
          forgetKept(publicId);
          announce(youth ? 'Envoyé ! Merci, tes réponses sont bien arrivées.' : 'Envoyé. Merci, vos réponses sont bien arrivées.');
          callbacks.current.onDone(res.status === 409);
          return;
        }
        const body = await res.json().catch(() => null);
        const message: string | undefined = body?.error?.message;
        if (res.status === 400) {
          saveKept(publicId, { ...kept, pending: false, synced: false });
          callbacks.current.onBack(
            `${message ?? 'Une réponse n’est pas acceptée.'} ${youth ? 'Vérifie tes réponses, corrige celle qui pose problème, puis appuie de nouveau sur « Envoyer mes réponses ».' : 'Vérifiez vos réponses puis envoyez-les de nouveau.'}`,
          );
          return;
        }
        if (res.status === 404) {
          forgetKept(publicId);
          callbacks.current.onUnavailable(message ?? 'Ce lien n’est pas ou plus valide.');
          return;
        }
        wait('server');
      })
      .catch(() => wait('network'));
    return () => {
      cancelled = true;
    };
  }, [state, publicId, youth, announce]);

  return (
    <div className="im-sending">
      <h1 tabIndex={-1}>{state.kind === 'trying' && state.attempt === 0 ? 'Envoi de tes réponses…' : 'Tes réponses attendent le réseau'}</h1>
      {state.kind === 'waiting' && (
        <>
          <p>{youth ? 'Tu n’as rien à refaire : dès que le réseau revient, elles partent toutes seules. Tu peux laisser cette page ouverte.' : 'Rien à refaire : elles partiront dès que le réseau reviendra.'}</p>
          <button type="button" className="im-btn im-btn-primary" onClick={() => setState({ kind: 'trying', attempt: state.attempt + 1 })}>
            Réessayer maintenant
          </button>
        </>
      )}
    </div>
  );
}

function ThankYou({ youth, already }: { youth: boolean; already: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setTitle('Réponses envoyées', youth ? 'youth' : 'mentor');
    heading.current?.focus();
  }, [youth]);
  return (
    <div className="im-thanks">
      <h1 ref={heading} tabIndex={-1}>
        {already ? (youth ? 'Tes réponses ont déjà été envoyées. Merci !' : 'Vos réponses ont déjà été envoyées. Merci !') : youth ? 'Merci ! Tes réponses sont envoyées.' : 'Merci ! Vos réponses sont envoyées.'}
      </h1>
      <h2>Et maintenant ?</h2>
      {youth ? (
        <ul>
          <li>Tu n’as plus rien à faire.</li>
          <li>Tes réponses sont mélangées avec celles des autres jeunes. Personne ne les verra avec ton nom.</li>
          <li>Une fois par an, le Département et l’association regardent les résultats de tout le groupe pour améliorer le mentorat.</li>
        </ul>
      ) : (
        <ul>
          <li>Vous n’avez plus rien à faire.</li>
          <li>Vos réponses sont regroupées avec celles des autres mentors ; personne ne les voit individuellement.</li>
          <li>Chaque année, le Département et l’association s’en servent pour évaluer et améliorer le programme.</li>
        </ul>
      )}
      <p>{youth ? 'Tu peux fermer cette page.' : 'Vous pouvez fermer cette page.'}</p>
    </div>
  );
}

function Unavailable({ message, audience }: { message: string; audience: 'youth' | 'mentor' }) {
  useEffect(() => setTitle('Lien indisponible', audience), [audience]);
  return (
    <div>
      <h1>Ce lien n’est pas disponible</h1>
      <p role="alert">{message}</p>
    </div>
  );
}
