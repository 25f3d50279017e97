import { describe, expect, it } from 'vitest';
import { questionPreview } from '../../../server/questionnaires/question-preview.ts';
import { questionnairePage } from '../../../server/questionnaires/pages.ts';

const survey = {
  pages: [
    {
      name: 'rencontres',
      title: 'Tes rencontres',
      elements: [
        { type: 'radiogroup', name: 'frequence', title: 'Tu voyais ton mentor…', choices: [{ value: 'souvent', text: 'Souvent' }, { value: 'rarement', text: 'Rarement' }] },
        { type: 'radiogroup', name: 'pourquoi', title: 'Pourquoi si peu ?', visibleIf: "{frequence} = 'rarement'", choices: ['temps', 'distance'] },
      ],
    },
    {
      name: 'aide',
      title: 'Ce qui t’a aidé',
      elements: [
        { type: 'checkbox', name: 'aides', title: 'Qu’est-ce qui t’a aidé ?', description: 'Plusieurs réponses possibles.', choices: [{ value: 'ecole', text: 'L’école' }, { value: 'travail', text: 'Le travail' }] },
        { type: 'comment', name: 'mot', title: 'Un mot <pour> ton mentor ?', maxLength: 300 },
      ],
    },
  ],
};

describe('questionPreview', () => {
  it('is the first question, step 1 of the visible ones, with its choices, for a respondent who has not started', () => {
    expect(questionPreview(survey, null)).toEqual({
      name: 'frequence',
      kind: 'radiogroup',
      title: 'Tu voyais ton mentor…',
      description: '',
      choices: [
        { value: 'souvent', text: 'Souvent' },
        { value: 'rarement', text: 'Rarement' },
      ],
      value: undefined,
      maxLength: null,
      rows: 4,
      theme: 'Tes rencontres',
      index: 1,
      total: 3,
    });
  });

  it('is the question where the draft stopped, counted over the questions its answers make visible, answer shown', () => {
    const preview = questionPreview(survey, { frequence: 'rarement', aides: ['travail'], __question: 'aides' })!;
    expect(preview).toMatchObject({ name: 'aides', kind: 'checkbox', value: ['travail'], theme: 'Ce qui t’a aidé', index: 3, total: 4, description: 'Plusieurs réponses possibles.' });
    // A shorthand choice list reads as SurveyJS shows it.
    expect(questionPreview(survey, { frequence: 'rarement', __question: 'pourquoi' })!.choices).toEqual([
      { value: 'temps', text: 'temps' },
      { value: 'distance', text: 'distance' },
    ]);
  });

  it('falls back to the draft page, then the first question, when the recorded question is hidden or unknown', () => {
    // "pourquoi" is hidden once "frequence" is "souvent": SurveyJS would not show it either.
    expect(questionPreview(survey, { frequence: 'souvent', __question: 'pourquoi' })!.name).toBe('frequence');
    expect(questionPreview(survey, { __question: 'inconnue', __page: 1 })!.name).toBe('aides');
    expect(questionPreview(survey, { __question: 'mot' })).toMatchObject({ kind: 'comment', maxLength: 300 });
  });

  it('is nothing for a survey without a question', () => {
    expect(questionPreview({ pages: [] }, null)).toBeNull();
  });
});

describe('the page of a questionnaire', () => {
  const page = (draft: Record<string, unknown> | null) =>
    questionnairePage({ publicId: 'AbCdEfGhIjKlMnOpQrStUv', audience: 'youth', associationName: 'Asso', notice: { title: 'Avant de commencer', paragraphs: [] }, survey, draft });

  it('holds the question in plain HTML, text escaped, the draft answer checked, hidden until "Commencer" targets it', () => {
    const html = page({ frequence: 'souvent', mot: 'Merci <b>', __question: 'mot' });
    expect(html).toContain('<section class="im-apercu" id="im-apercu" data-question="mot"');
    expect(html).toContain('Un mot &lt;pour&gt; ton mentor ?');
    expect(html).toContain('maxlength="300"');
    expect(html).toContain('>Merci &lt;b&gt;</textarea>');
    expect(html).toContain('Question 3 sur 3');
    expect(html).toContain('#questionnaire:target .im-apercu,.im-apercu.im-apercu-affiche{display:block}');
    const radios = page({ frequence: 'rarement', __question: 'frequence' });
    expect(radios).toContain('<input type="radio" name="frequence" value="rarement" checked>');
    expect(radios).toContain('<input type="radio" name="frequence" value="souvent">');
  });

  it('has no plain question when the survey has none', () => {
    expect(questionnairePage({ publicId: 'AbCdEfGhIjKlMnOpQrStUv', audience: 'youth', associationName: 'Asso', notice: { title: 'Avant', paragraphs: [] }, survey: { pages: [] }, draft: null })).not.toContain('im-apercu"');
  });
});
