// The reference for the youth benchmark: the smallest honest page that shows the same questionnaire JSON with
// survey-react-ui and React, as the SurveyJS documentation sets it up (default theme CSS, no server rendering).
// Same system-font CSS as the real page so that neither side pays for web fonts.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';

fetch('./survey.json')
  .then((res) => res.json())
  .then((json) => {
    const model = new Model(json);
    model.locale = 'fr';
    createRoot(document.getElementById('root')).render(createElement(Survey, { model }));
  });
