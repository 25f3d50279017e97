import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEY_INDICATOR_IDS,
  DEFAULT_OPTIONAL_INDICATOR_IDS,
  INDICATOR_IDS,
  MAX_YOUTH_PAGES,
  composeQuestionnaire,
  getIndicator,
  indicatorWording,
  localizeSurvey,
  questionnaireHash,
  textIn,
  type Audience,
} from '../../surveys/index.ts';
import { CONTACT, blockQuestions, compose, findKey, questionsOf } from './helpers.ts';

const SELECTIONS: { label: string; audience: Audience; ids: readonly string[] }[] = [
  { label: 'youth, default key indicators', audience: 'youth', ids: DEFAULT_KEY_INDICATOR_IDS },
  { label: 'mentor, default key indicators', audience: 'mentor', ids: DEFAULT_KEY_INDICATOR_IDS },
  { label: 'youth, whole catalogue', audience: 'youth', ids: INDICATOR_IDS },
  { label: 'mentor, whole catalogue', audience: 'mentor', ids: INDICATOR_IDS },
  { label: 'youth, impact only', audience: 'youth', ids: ['impact.confiance', 'impact.competences_psychosociales'] },
  { label: 'mentor, frequency and attendance', audience: 'mentor', ids: ['realisations.frequence', 'realisations.assiduite'] },
  { label: 'youth, registry indicators only', audience: 'youth', ids: ['realisations.jeunes_accompagnes', 'resultats.abandons'] },
];

describe('composeQuestionnaire', () => {
  it.each(SELECTIONS)('$label: deterministic, whatever the order or duplicates of the ids', ({ audience, ids }) => {
    const first = compose(audience, ids);
    const again = compose(audience, [...ids].reverse().concat(ids));
    expect(again).toEqual(first);
    expect(questionnaireHash(again.survey)).toBe(questionnaireHash(first.survey));
  });

  it.each(SELECTIONS)('$label: skippable, titled, named and tagged questions', ({ audience, ids }) => {
    const { survey } = compose(audience, ids);
    expect(survey.locale).toBe('fr');
    expect(findKey(survey, 'isRequired')).toEqual([]);
    const names = new Set<string>();
    for (const question of questionsOf(survey)) {
      expect(textIn(question.title, 'fr').trim().length, question.name).toBeGreaterThan(5);
      expect(question.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(names.has(question.name), question.name).toBe(false);
      names.add(question.name);
      if (question.indicator === undefined) {
        expect(question.type, question.name).toBe('comment');
        continue;
      }
      expect(ids).toContain(question.indicator);
      expect(getIndicator(question.indicator)!.sources).toContain(audience === 'youth' ? 'questionnaire_jeune' : 'questionnaire_mentor');
      expect(question.indicatorDimension, question.name).toMatch(/^[a-z_]+$/);
      for (const item of question.choices ?? []) {
        if (typeof item.value === 'string') expect(item.value).toMatch(/^[a-z][a-z0-9_]*$/);
        else expect(Number.isInteger(item.value)).toBe(true);
        expect(item.text).not.toBe(String(item.value));
      }
    }
  });

  it.each(SELECTIONS)('$label: loads in a survey-core Model with the custom properties', ({ audience, ids }) => {
    const { survey } = compose(audience, ids);
    const model = new Model(survey);
    expect(model.jsonErrors ?? []).toEqual([]);
    for (const question of questionsOf(survey)) {
      const loaded = model.getQuestionByName(question.name) as unknown as Record<string, unknown>;
      expect(loaded.indicator).toBe(question.indicator);
      expect(loaded.indicatorDimension).toBe(question.indicatorDimension);
    }
  });

  it('keeps the youth questionnaire within 12 screens even with every indicator', () => {
    const { survey } = compose('youth', INDICATOR_IDS);
    expect(MAX_YOUTH_PAGES).toBe(12);
    expect(survey.pages.length).toBeLessThanOrEqual(12);
    expect(survey.pages.length).toBeGreaterThan(8);
  });

  it('follows the value chain and ends with the free comment', () => {
    const { survey } = compose('youth', INDICATOR_IDS);
    expect(survey.pages.map((page) => page.name)).toEqual([
      'rencontres',
      'relation',
      'objectif',
      'fin_du_mentorat',
      'confiance',
      'notes',
      'stage',
      'prise_de_parole',
      'personne_ressource',
      'liens',
      'decouverte',
      'dernier_mot',
    ]);
    expect(survey.pages[0]!.elements.map((question) => question.name)).toEqual(['frequence', 'modalite']);
  });

  it('composes the default youth questionnaire from the default selection (key and optional)', () => {
    const { survey } = compose('youth', [...DEFAULT_KEY_INDICATOR_IDS, ...DEFAULT_OPTIONAL_INDICATOR_IDS]);
    expect(questionsOf(survey).map((question) => question.name)).toEqual([
      'modalite',
      'objectif_atteint',
      'objectif_change',
      'arret_anticipe',
      'motif_arret',
      'confiance_avant',
      'confiance_aujourdhui',
      'confiance_grace',
      'notes_avant',
      'notes_aujourdhui',
      'notes_grace',
      'commentaire',
    ]);
  });

  it('adds nothing for indicators not sourced from that audience', () => {
    const registryOnly = compose('youth', ['realisations.jeunes_accompagnes', 'resultats.abandons', 'ressources.etp']);
    expect(questionsOf(registryOnly.survey).map((question) => question.name)).toEqual(['commentaire']);
    const mentorOnly = compose('youth', ['realisations.assiduite']);
    expect(questionsOf(mentorOnly.survey).map((question) => question.name)).toEqual(['commentaire']);
    const youthOnly = compose('mentor', ['impact.confiance', 'impact.notes']);
    expect(questionsOf(youthOnly.survey).map((question) => question.name)).toEqual(['mentor_commentaire']);
  });

  it('puts each before/now pair on one page, on the same scale, and asks "thanks to" only after an improvement', () => {
    const survey = localizeSurvey(compose('youth', INDICATOR_IDS).survey, 'fr');
    const pairs = survey.pages.flatMap((page) => page.elements).filter((question) => question.indicatorDimension === 'avant');
    expect(pairs.map((question) => question.name)).toEqual([
      'confiance_avant',
      'notes_avant',
      'parole_avant',
      'soutien_avant',
      'liens_avant',
      'decouverte_avant',
    ]);
    for (const before of pairs) {
      const prefix = before.name.replace(/_avant$/, '');
      const page = survey.pages.find((candidate) => candidate.elements.includes(before))!;
      const now = page.elements.find((question) => question.name === `${prefix}_aujourdhui`)!;
      const thanks = page.elements.find((question) => question.name === `${prefix}_grace`)!;
      expect(before.title).toMatch(/^Avant le mentorat, /);
      expect(now.title).toMatch(/^Aujourd'hui, /);
      expect(now.choices).toEqual(before.choices);
      expect(before.choices!.map((item) => item.value)).toEqual([1, 2, 3, 4, 5]);
      expect(now.indicatorDimension).toBe('aujourdhui');
      expect(now.indicatorFacet).toBe(before.indicatorFacet);
      expect(thanks.indicatorDimension).toBe('grace_au_mentorat');
      expect(thanks.visibleIf).toBe(`{${prefix}_aujourdhui} > {${prefix}_avant}`);
    }
  });

  it('asks why a mentorship stopped early only when it did, keeping pair causes apart from the objective', () => {
    for (const [audience, prefix] of [['youth', ''], ['mentor', 'mentor_']] as const) {
      const questions = questionsOf(compose(audience, ['resultats.objectif_atteint']).survey);
      const reason = questions.find((question) => question.name === `${prefix}motif_arret`)!;
      expect(reason.visibleIf).toBe(`{${prefix}arret_anticipe} = 'oui'`);
      const categories = Object.fromEntries(reason.choices!.map((item) => [item.value, item.category]));
      expect(categories).toMatchObject({
        disponibilite: 'binome',
        demenagement: 'binome',
        changement_placement: 'binome',
        perte_contact: 'binome',
        objectif_non_atteint: 'objectif',
      });
      const reached = questions.find((question) => question.name === `${prefix}objectif_atteint`)!;
      expect(reached.choices!.map((item) => item.value)).toEqual(['oui', 'en_partie', 'non', 'ne_sait_pas']);
      expect(questions.map((question) => question.name)).toContain(`${prefix}objectif_change`);
    }
  });

  it('has unique, stable question names across all blocks and audiences', () => {
    const names = blockQuestions().map(({ question }) => question.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('returns the notice apart, and keeps it out of the survey', () => {
    const { survey, notice } = compose('youth', DEFAULT_KEY_INDICATOR_IDS, 'Les Mentors du 93');
    expect(notice.title).toBe('Avant de commencer');
    const text = notice.paragraphs.join(' ');
    expect(text).toContain(CONTACT);
    expect(text).toContain('Les Mentors du 93');
    expect(text).toMatch(/passer toutes les questions/);
    expect(text).toMatch(/résultats du groupe/);
    const json = JSON.stringify(survey);
    for (const paragraph of notice.paragraphs) expect(json).not.toContain(paragraph);
    expect(findKey(survey, 'type')).not.toContain('html');

    const mentor = compose('mentor', DEFAULT_KEY_INDICATOR_IDS).notice.paragraphs.join(' ');
    expect(mentor).toMatch(/vous/);
    expect(mentor).toContain(CONTACT);
  });

  it('closes with an optional free comment that warns against names', () => {
    const comment = questionsOf(compose('youth', []).survey)[0]!;
    expect(comment).toMatchObject({ type: 'comment', name: 'commentaire', maxLength: 1000 });
    expect(comment.description).toMatch(/nom/);
  });

  it('rejects unknown indicators and a missing contact', () => {
    expect(() => compose('youth', ['impact.bonheur'])).toThrow(/Indicateur inconnu : « impact.bonheur »/);
    expect(() => composeQuestionnaire({ audience: 'youth', indicatorIds: [], contact: '  ' })).toThrow(/contact/);
  });

  it('does not let a caller edit the shared blocks through a composed survey', () => {
    const first = compose('youth', ['impact.confiance']);
    first.survey.pages[0]!.elements[0]!.title = 'modifié';
    expect(compose('youth', ['impact.confiance']).survey.pages[0]!.elements[0]!.title).not.toBe('modifié');
  });
});

describe('questionnaireHash', () => {
  it('ignores key order, and changes with the content', () => {
    const { survey } = compose('youth', DEFAULT_KEY_INDICATOR_IDS);
    const hash = questionnaireHash(survey);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(survey).reverse());
    expect(questionnaireHash(reordered)).toBe(hash);
    expect(questionnaireHash(compose('youth', ['impact.confiance']).survey)).not.toBe(hash);
    expect(questionnaireHash(compose('youth', DEFAULT_KEY_INDICATOR_IDS, 'Autre association').survey)).not.toBe(hash);
  });
});

describe('indicatorWording', () => {
  it('is the same across versions that keep the questions, and changes with a title or a choice', () => {
    const a = compose('youth', ['impact.confiance']).survey;
    const b = compose('youth', INDICATOR_IDS).survey;
    const wording = indicatorWording(a, 'impact.confiance');
    expect(wording).toContain('confiance_avant');
    expect(wording).toContain('Avant le mentorat, avais-tu confiance en toi ?');
    expect(indicatorWording(b, 'impact.confiance')).toBe(wording);

    const retitled = structuredClone(a);
    retitled.pages[0]!.elements[1]!.title = "Aujourd'hui, te sens-tu sûr de toi ?";
    expect(indicatorWording(retitled, 'impact.confiance')).not.toBe(wording);

    const rescored = structuredClone(a);
    rescored.pages[0]!.elements[2]!.choices![0]!.score = 2;
    expect(indicatorWording(rescored, 'impact.confiance')).not.toBe(wording);

    expect(indicatorWording(a, 'impact.notes')).toBe('');
  });
});
