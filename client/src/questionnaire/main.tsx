import { createRoot } from 'react-dom/client';
import { QuestionnaireApp, prepareModel, type Loaded } from './QuestionnaireApp.tsx';
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

if (mount && publicId) {
  const root = createRoot(mount);
  const data = embeddedData();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    welcome?.setAttribute('hidden', '');
    root.render(<QuestionnaireApp publicId={publicId} initial={data} />);
  };
  // While the welcome is read, build the questionnaire so that "Commencer" answers at once.
  if (data && location.hash !== '#questionnaire') setTimeout(() => !started && prepareModel(publicId, data), 0);
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
