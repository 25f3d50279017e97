import { createRoot } from 'react-dom/client';
import { QuestionnaireApp, isPrepared, languageName, prepareModel, setPageText, type Loaded } from './QuestionnaireApp.tsx';
import { ReadAloud } from './ReadAloud.tsx';
import { loadSurveyLocale } from './locales/load.ts';
// SurveyJS's stylesheet (trimmed to the components we use at build: client/vite.config.ts), then ours on top.
import 'survey-core/survey-core.fontless.css';
import './questionnaire.css';

// Marks read by bench/youth.ts: when the bundle (survey-core included) finished evaluating.
performance.mark('im:bundle-evaluated');

const mount = document.getElementById('questionnaire');
const welcome = document.getElementById('accueil');
const publicId = mount?.dataset.publicId;

/** The server embeds the questionnaire in the page (one round trip less on a slow network). */
function embeddedData(): Loaded | null {
  const node = document.getElementById('im-donnees');
  if (!node?.textContent) return null;
  try {
    return JSON.parse(node.textContent) as Loaded;
  } catch {
    return null;
  }
}

/**
 * The answer given in the page's plain question (server/questionnaires/pages.ts, previewHtml), tapped while this
 * script was still loading: SurveyJS takes it over. Undefined when that block is absent or left as it came.
 */
function previewAnswer(): { name: string; value: unknown } | undefined {
  const preview = document.getElementById('im-apercu');
  const name = preview?.dataset.question;
  if (!preview || !name) return undefined;
  const text = preview.querySelector('textarea');
  if (text) return text.value === text.defaultValue ? undefined : { name, value: text.value };
  const inputs = [...preview.querySelectorAll<HTMLInputElement>('input')];
  if (inputs.every((input) => input.checked === input.defaultChecked)) return undefined;
  const checked = inputs.filter((input) => input.checked).map((input) => input.value);
  return { name, value: inputs[0]?.type === 'checkbox' ? checked : checked[0] };
}

/** What "Écouter" reads on the welcome screen: its headings and paragraphs, in order. */
function welcomeScript(): string {
  return [...(welcome?.querySelectorAll('h1, h2, p') ?? [])]
    .filter((el) => !el.closest('noscript, .im-lecture'))
    .map((el) => el.textContent?.trim() ?? '')
    .filter(Boolean)
    .join('. ');
}

if (mount && publicId) {
  const root = createRoot(mount);
  const data = embeddedData();
  setPageText(data?.text ?? null);
  // survey-core's strings for the chosen language (a separate chunk; none for French).
  const localeReady = loadSurveyLocale(data?.language ?? 'fr');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    welcome?.setAttribute('hidden', '');
    // The language links stay on every screen; from a question they come back to the questions, not the welcome.
    document.querySelectorAll<HTMLAnchorElement>('.im-langues a').forEach((a) => {
      a.href = `${a.href.replace(/#.*$/, '')}#questionnaire`;
    });
    const preview = document.getElementById('im-apercu');
    const render = () => {
      // Read just before rendering: React replaces the plain question (the root's former content) with SurveyJS's.
      const answered = previewAnswer();
      const focused = preview?.contains(document.activeElement) ?? false;
      root.render(<QuestionnaireApp publicId={publicId} initial={data} preset={answered} focusStep={focused} />);
    };
    if (preview && !(data && isPrepared(publicId, data))) {
      // SurveyJS's first render takes a slow phone half a second or more: the plain question shows meanwhile (it
      // already does when "Commencer" was a link followed before this script ran: CSS shows the #questionnaire target).
      preview.classList.add('im-apercu-affiche');
      requestAnimationFrame(() => setTimeout(() => void localeReady.then(render), 0));
    } else void localeReady.then(render);
  };
  const listen = document.getElementById('im-lecture-accueil');
  if (listen && data?.text) {
    createRoot(listen).render(<ReadAloud lang={data.speechLang ?? 'fr'} languageName={languageName(data)} text={data.text} script={welcomeScript} />);
  }
  // While the welcome is read, build the questionnaire so that "Commencer" answers at once.
  if (data && location.hash !== '#questionnaire') setTimeout(() => void localeReady.then(() => !started && prepareModel(publicId, data)), 0);
  // "Commencer" is a plain link to #questionnaire: tapped before this script arrived, it is honoured here.
  if (location.hash === '#questionnaire') start();
  window.addEventListener('hashchange', () => {
    if (location.hash === '#questionnaire') start();
  });
  document.getElementById('commencer')?.addEventListener('click', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '#questionnaire');
    start();
  });
}

// Once the page has loaded (never competing with it for the network), keep the questionnaire's files for the next
// visit: see questionnaireServiceWorker in client/vite.config.ts. Best effort: without it, the HTTP cache remains.
window.addEventListener('load', () => {
  navigator.serviceWorker?.register('/questionnaire-sw.js', { scope: '/r/' }).catch(() => undefined);
});
