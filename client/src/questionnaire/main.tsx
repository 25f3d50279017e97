import { createRoot } from 'react-dom/client';
import { QuestionnaireApp } from './QuestionnaireApp.tsx';
import './questionnaire.css';

const mount = document.getElementById('questionnaire');
const welcome = document.getElementById('accueil');
const publicId = mount?.dataset.publicId;

if (mount && publicId) {
  const root = createRoot(mount);
  const start = () => {
    welcome?.setAttribute('hidden', '');
    root.render(<QuestionnaireApp publicId={publicId} />);
  };
  // The "Commencer" link works before this script loads: it only sets #questionnaire, which we honour here.
  if (location.hash === '#questionnaire') start();
  document.getElementById('commencer')?.addEventListener('click', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '#questionnaire');
    start();
  });
}
