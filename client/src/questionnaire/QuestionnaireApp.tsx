import { useEffect, useMemo, useRef, useState } from 'react';
import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import { Survey } from 'survey-react-ui';
import { registerSurveyProperties } from '../../../surveys/register.ts';
import type { RespondentText } from '../../../surveys/respondent-text.ts';
import { fill } from '../../../surveys/fill.ts';
import { draftStartingPoint, placeModel, stepOf, type StartingPoint } from '../../../surveys/position.ts';
import { forgetKept, loadKept, newIdempotencyKey, saveKept, type Kept } from './storage.ts';
import { ReadAloud, stopReading } from './ReadAloud.tsx';
import { surveyLocale } from './locales/load.ts';

registerSurveyProperties();

export interface Loaded {
  audience: 'youth' | 'mentor';
  /** Language code (surveys/languages.ts), also the SurveyJS locale; the survey arrives already in that language. */
  language: string;
  /** BCP 47 tag for speech synthesis (Dari: fa-AF). */
  speechLang: string;
  /** Every text around the questions, in that language (surveys/respondent-text.ts). */
  text: RespondentText;
  languages?: { code: string; name: string; lang: string; dir: string }[];
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
/** Texts of the page the server rendered (the same as `Loaded.text`), for the states before the data is known. */
let pageText: RespondentText | null = null;
export function setPageText(text: RespondentText | null) {
  pageText = text;
}

function setTitle(step: string, text: RespondentText) {
  document.title = `${step} — ${text.appTitle} — Impact Mentorat`;
}


export const languageName = (data: Pick<Loaded, 'language' | 'languages'>) => data.languages?.find((l) => l.code === data.language)?.name ?? data.language;

/** Reads where the respondent stopped: unsent answers of this phone first, else the server draft (maybe another phone). */
function startingPoint(kept: Kept | null, draft: Answers | null): StartingPoint {
  if (kept && !kept.synced) return { answers: kept.answers, question: kept.question };
  if (draft) return draftStartingPoint(draft);
  if (kept) return { answers: kept.answers, question: kept.question };
  return { answers: {} };
}

/** An answer given in the page's plain question before SurveyJS was ready (main.tsx). */
export interface Preset {
  name: string;
  value: unknown;
}

export function QuestionnaireApp({ publicId, initial, preset, focusStep }: { publicId: string; initial: Loaded | null; preset?: Preset; focusStep?: boolean }) {
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
        if (!res.ok) throw new Error(body?.error?.message ?? pageText?.unavailableParagraphs[0] ?? 'Le questionnaire ne peut pas être chargé.');
        const data = body as Loaded;
        setPhase(loadKept(publicId)?.pending ? { kind: 'sending', data } : { kind: 'answering', data });
      })
      .catch((error: Error) => setPhase({ kind: 'unavailable', message: error.message }));
  }, [publicId, initial]);

  const text = (phase.kind === 'answering' || phase.kind === 'sending' ? phase.data.text : initial?.text) ?? pageText;
  let content: React.ReactNode;
  if (!text || phase.kind === 'loading') content = <p className="im-status">{text?.loading ?? '…'}</p>;
  else if (phase.kind === 'unavailable') content = <Unavailable message={phase.message} text={text} />;
  else if (phase.kind === 'sent') content = <ThankYou text={text} already={phase.already} />;
  else if (phase.kind === 'answering')
    content = <SurveyRunner publicId={publicId} data={phase.data} preset={preset} focusStep={focusStep} onSend={() => setPhase({ kind: 'sending', data: phase.data })} />;
  else
    content = (
      <Sender
        publicId={publicId}
        text={text}
        french={phase.data.language === 'fr'}
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
  if (isPrepared(publicId, data)) return;
  prepared = { publicId, data, model: buildModel(publicId, data) };
}

/** Whether "Commencer" can render SurveyJS at once (its model was built while the welcome was read). */
export const isPrepared = (publicId: string, data: Loaded) => prepared?.publicId === publicId && prepared.data === data;

function takePreparedModel(publicId: string, data: Loaded): Model {
  const ready = isPrepared(publicId, data) ? prepared!.model : buildModel(publicId, data);
  prepared = null;
  return ready;
}

function buildModel(publicId: string, data: Loaded): Model {
  const m = new Model(data.survey);
  // The survey arrives in one language already; the locale picks survey-core's own strings (locales/load.ts).
  m.locale = surveyLocale(data.language ?? 'fr');
  // Our own progress bar (a native <progress> named by "Question n sur N") replaces SurveyJS's "pages" bar.
  m.showProgressBar = false;
  m.showCompletedPage = false;
  m.showTitle = false;
  m.autoFocusFirstQuestion = false;
  // SurveyJS would render for a desktop first, measure, then render again for a phone: say it at once (600 px is
  // its --sd-mobile-width) and save a whole render on a slow CPU.
  m.setIsMobile(window.innerWidth < 600);
  // One question per screen (big tap targets, no scrolling on a small phone; the page title stays above the question,
  // so a "before / today" pair reads as two steps of the same theme), where the respondent stopped.
  placeModel(m, startingPoint(loadKept(publicId), data.draft));
  return m;
}

function SurveyRunner({ publicId, data, preset, focusStep, onSend }: { publicId: string; data: Loaded; preset?: Preset; focusStep?: boolean; onSend: () => void }) {
  const { text } = data;
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
      // Reading aloud belongs to one screen: "Suivant" or "Précédent" stops it.
      stopReading();
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
    // Given in the page before SurveyJS was ready: kept like any answer (on the phone, then in the draft).
    const question = preset ? model.getQuestionByName(preset.name) : null;
    if (preset && question && !question.isReadOnly) question.value = preset.value;
    // The respondent was in the plain question, which is gone: continue from this screen's heading.
    if (focusStep) heading.current?.focus();
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
    // preset and focusStep matter once, when the questionnaire first shows.
  }, [model, publicId]);

  const stepLabel = fill(text.step, { n: position.index, total: position.total });
  useEffect(() => setTitle(stepLabel, text), [stepLabel, text]);
  const question = model.currentSingleQuestion;

  return (
    <section aria-labelledby="im-etape">
      <h1 id="im-etape" ref={heading} tabIndex={-1} className="im-step">
        <span className="im-step-theme">{position.theme}</span>
        <span className="im-step-count">{stepLabel}</span>
      </h1>
      <progress className="im-progress" max={position.total} value={position.index} aria-label={fill(text.progress, { step: stepLabel })} />
      <ReadAloud key={question?.name ?? position.index} lang={data.speechLang ?? 'fr'} languageName={languageName(data)} text={text} script={() => screenScript(model)} />
      <Survey model={model} />
      <p className="im-hint">{text.hint}</p>
    </section>
  );
}

/** What "Écouter" reads on a question screen: the theme, the question, its explanation, then each choice. */
function screenScript(model: Model): string {
  const question = model.currentSingleQuestion as (Model['currentSingleQuestion'] & { visibleChoices?: { text: string }[] }) | undefined;
  const theme = String((question?.page as { title?: string } | undefined)?.title ?? '');
  const parts = [theme, question?.title ?? '', question?.description ?? '', ...(question?.visibleChoices ?? []).map((choice) => choice.text)];
  return parts.map((part) => String(part).trim()).filter(Boolean).join('. ');
}

type SendState = { kind: 'trying'; attempt: number } | { kind: 'waiting'; reason: 'network' | 'server'; attempt: number };

/**
 * Sends the answers kept on the phone, again and again until the server confirms. The idempotency key was fixed
 * before the first try, so a retry after a lost confirmation gets "déjà enregistré", never a second response.
 */
function Sender(props: {
  publicId: string;
  text: RespondentText;
  /** Server messages are French: shown as they are to a French reader, replaced by a translated one otherwise. */
  french: boolean;
  announce: (message: string) => void;
  onDone: (already: boolean) => void;
  onBack: (message: string) => void;
  onUnavailable: (message: string) => void;
}) {
  const { publicId, text, french, announce } = props;
  const callbacks = useRef(props);
  callbacks.current = props;
  const [state, setState] = useState<SendState>({ kind: 'trying', attempt: 0 });

  useEffect(() => {
    setTitle(text.sendingTitle, text);
    announce(text.sendingAnnounce);
  }, [announce, text]);

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
      announce(reason === 'network' ? text.offline : text.serverDown);
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
          announce(text.sentAnnounce);
          callbacks.current.onDone(res.status === 409);
          return;
        }
        const body = await res.json().catch(() => null);
        const message: string | undefined = body?.error?.message;
        if (res.status === 400) {
          saveKept(publicId, { ...kept, pending: false, synced: false });
          callbacks.current.onBack(`${(french ? message : undefined) ?? text.rejected} ${text.rejectedFix}`);
          return;
        }
        if (res.status === 404) {
          forgetKept(publicId);
          callbacks.current.onUnavailable((french ? message : undefined) ?? text.unavailableParagraphs[0]!);
          return;
        }
        wait('server');
      })
      .catch(() => wait('network'));
    return () => {
      cancelled = true;
    };
  }, [state, publicId, text, french, announce]);

  return (
    <div className="im-sending">
      <h1 tabIndex={-1}>{state.kind === 'trying' && state.attempt === 0 ? text.sendingHeading : text.waitingHeading}</h1>
      {state.kind === 'waiting' && (
        <>
          <p>{text.waitingText}</p>
          <button type="button" className="im-btn im-btn-primary" onClick={() => setState({ kind: 'trying', attempt: state.attempt + 1 })}>
            {text.retryNow}
          </button>
        </>
      )}
    </div>
  );
}

function ThankYou({ text, already }: { text: RespondentText; already: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setTitle(text.sentTitle, text);
    heading.current?.focus();
  }, [text]);
  return (
    <div className="im-thanks">
      <h1 ref={heading} tabIndex={-1}>
        {already ? text.alreadySentHeading : text.thanksHeading}
      </h1>
      <h2>{text.whatNow}</h2>
      <ul>
        {text.whatNowItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{text.closePage}</p>
    </div>
  );
}

function Unavailable({ message, text }: { message: string; text: RespondentText }) {
  useEffect(() => setTitle(text.unavailableTitle, text), [text]);
  return (
    <div>
      <h1>{text.unavailableHeading}</h1>
      <p role="alert">{message}</p>
    </div>
  );
}
