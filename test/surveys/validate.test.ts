import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_MAX_LENGTH, INDICATOR_IDS, questionnaireHash, validateSubmission } from '../../surveys/index.ts';
import { compose } from './helpers.ts';

const youth = compose('youth', INDICATOR_IDS).survey;
const mentor = compose('mentor', INDICATOR_IDS).survey;

/** An answer to every youth question, consistent with every visibleIf. */
const FULL_YOUTH = {
  frequence: 'chaque_semaine',
  modalite: 'les_deux',
  objectif_atteint: 'en_partie',
  objectif_change: 'oui',
  arret_anticipe: 'oui',
  motif_arret: 'demenagement',
  confiance_avant: 2,
  confiance_aujourdhui: 4,
  confiance_grace: 'oui',
  notes_avant: 3,
  notes_aujourdhui: 4,
  notes_grace: 'ne_sait_pas',
  stage_trouve: 'oui',
  stage_type: ['stage', 'formation'],
  parole_avant: 1,
  parole_aujourdhui: 3,
  parole_grace: 'oui',
  soutien_avant: 2,
  soutien_aujourdhui: 5,
  soutien_grace: 'non',
  liens_avant: 3,
  liens_aujourdhui: 4,
  liens_grace: 'oui',
  decouverte_avant: 2,
  decouverte_aujourdhui: 5,
  decouverte_grace: 'oui',
  commentaire: 'Merci à tous.',
};

const FULL_MENTOR = {
  mentor_frequence: 'deux_par_mois',
  mentor_assiduite: 'souvent',
  mentor_modalite: 'presentiel',
  mentor_objectif_atteint: 'non',
  mentor_objectif_change: 'non',
  mentor_arret_anticipe: 'oui',
  mentor_motif_arret: 'objectif_non_atteint',
  mentor_commentaire: 'Un jeune très motivé.',
};

// Question types the blocks do not use, to check the validator stays right beyond them.
const FIXTURE = {
  locale: 'fr',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'rating', name: 'note', title: 'Note', rateMin: 0, rateMax: 10 },
        { type: 'text', name: 'age', title: 'Âge', inputType: 'number', min: 11, max: 30 },
        { type: 'text', name: 'ville', title: 'Ville', maxLength: 20 },
        { type: 'boolean', name: 'accord', title: 'Accord' },
        { type: 'dropdown', name: 'choix', title: 'Choix', choices: ['a', 'b'] },
        { type: 'checkbox', name: 'plusieurs', title: 'Plusieurs', choices: ['x', 'y', 'z'], maxSelectedChoices: 2 },
        { type: 'text', name: 'courriel', title: 'Courriel', validators: [{ type: 'email' }] },
        { type: 'comment', name: 'libre', title: 'Libre' },
        { type: 'radiogroup', name: 'obligatoire', title: 'Obligatoire', isRequired: true, choices: ['oui', 'non'] },
      ],
    },
    {
      name: 'p2',
      visibleIf: "{choix} = 'b'",
      elements: [
        { type: 'radiogroup', name: 'suite', title: 'Suite', choices: ['s1', 's2'] },
        { type: 'radiogroup', name: 'suite_detail', title: 'Détail', visibleIf: "{suite} = 's1'", choices: ['d1'] },
      ],
    },
  ],
};

function errorsOf(survey: object, answers: unknown) {
  const result = validateSubmission(survey, answers);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.answers)}`);
  return result.errors;
}

describe('validateSubmission: accepted', () => {
  it('accepts a full valid youth answer set, unchanged', () => {
    expect(validateSubmission(youth, FULL_YOUTH)).toEqual({ ok: true, answers: FULL_YOUTH });
  });

  it('accepts a full valid mentor answer set', () => {
    expect(validateSubmission(mentor, FULL_MENTOR)).toEqual({ ok: true, answers: FULL_MENTOR });
  });

  it('accepts an empty submission: every question can be skipped', () => {
    expect(validateSubmission(youth, {})).toEqual({ ok: true, answers: {} });
    expect(validateSubmission(mentor, {})).toEqual({ ok: true, answers: {} });
  });

  it('treats null, blank text and empty lists as skipped', () => {
    expect(validateSubmission(youth, { frequence: null, commentaire: '   ', stage_trouve: 'oui', stage_type: [] })).toEqual({
      ok: true,
      answers: { stage_trouve: 'oui' },
    });
  });

  it('drops answers to questions hidden by visibleIf', () => {
    const result = validateSubmission(youth, {
      arret_anticipe: 'non',
      motif_arret: 'relation',
      confiance_avant: 4,
      confiance_aujourdhui: 4,
      confiance_grace: 'oui',
      stage_trouve: 'non',
      stage_type: ['emploi'],
    });
    expect(result).toEqual({ ok: true, answers: { arret_anticipe: 'non', confiance_avant: 4, confiance_aujourdhui: 4, stage_trouve: 'non' } });
    expect(validateSubmission(youth, { motif_arret: 'relation' })).toEqual({ ok: true, answers: {} });
  });

  it('drops a chain of hidden answers, including through a hidden page', () => {
    const result = validateSubmission(FIXTURE, { obligatoire: 'oui', choix: 'a', suite: 's1', suite_detail: 'd1' });
    expect(result).toEqual({ ok: true, answers: { obligatoire: 'oui', choix: 'a' } });
    const shown = validateSubmission(FIXTURE, { obligatoire: 'oui', choix: 'b', suite: 's1', suite_detail: 'd1' });
    expect(shown).toEqual({ ok: true, answers: { obligatoire: 'oui', choix: 'b', suite: 's1', suite_detail: 'd1' } });
  });

  it('accepts the other question types within their limits', () => {
    const answers = { note: 10, age: 11, ville: 'Bobigny', accord: false, choix: 'a', plusieurs: ['x', 'z'], courriel: 'a@b.fr', obligatoire: 'non' };
    expect(validateSubmission(FIXTURE, answers)).toEqual({ ok: true, answers });
  });

  it('reuses the compiled survey given a cache key, even for a fresh copy of the JSON', () => {
    const key = questionnaireHash(youth);
    expect(validateSubmission(structuredClone(youth), FULL_YOUTH, { cacheKey: key }).ok).toBe(true);
    expect(validateSubmission(JSON.parse(JSON.stringify(youth)), { frequence: 'jamais' }).ok).toBe(false);
  });
});

describe('validateSubmission: rejected, with French messages', () => {
  it.each([null, [], 'oui', 42])('rejects a submission that is not an object: %j', (answers) => {
    expect(errorsOf(youth, answers)).toEqual([
      { question: null, message: 'Les réponses doivent être un objet qui associe chaque question à sa réponse.' },
    ]);
  });

  it('rejects an unknown question', () => {
    expect(errorsOf(youth, { xyz: 'oui' })).toEqual([
      { question: 'xyz', message: "La question « xyz » n'existe pas dans ce questionnaire." },
    ]);
    // A mentor question is unknown to the youth questionnaire.
    expect(errorsOf(youth, { mentor_assiduite: 'toujours' })[0]!.question).toBe('mentor_assiduite');
    expect(errorsOf(youth, JSON.parse('{"__proto__": "x"}'))[0]!.message).toBe(
      "La question « __proto__ » n'existe pas dans ce questionnaire.",
    );
  });

  it('rejects more keys than the questionnaire has questions, before looking at them', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`q${i}`, i]));
    expect(errorsOf(youth, many)).toEqual([
      { question: null, message: expect.stringMatching(/^Trop de réponses : 500 reçues, alors que ce questionnaire compte \d+ questions\.$/) },
    ]);
  });

  it.each([
    [youth, { frequence: 'tous_les_jours' }, "La réponse « tous_les_jours » n'est pas un choix proposé pour la question « frequence »."],
    [youth, { objectif_atteint: 'Oui' }, "La réponse « Oui » n'est pas un choix proposé pour la question « objectif_atteint »."],
    [youth, { stage_type: ['stage', 'vacances'] }, "La réponse « vacances » n'est pas un choix proposé pour la question « stage_type »."],
    [mentor, { mentor_motif_arret: 'relation', mentor_arret_anticipe: 'peut_etre' }, "La réponse « peut_etre » n'est pas un choix proposé pour la question « mentor_arret_anticipe »."],
    [FIXTURE, { choix: 'c' }, "La réponse « c » n'est pas un choix proposé pour la question « choix »."],
  ])('rejects a choice that is not offered (%#)', (survey, answers, message) => {
    expect(errorsOf(survey, answers).map((error) => error.message)).toEqual([message]);
  });

  it.each([
    [youth, { confiance_avant: '2' }, 'La question « confiance_avant » attend un nombre, pas un texte.'],
    [youth, { confiance_avant: [2] }, 'La question « confiance_avant » attend une seule réponse, pas une liste.'],
    [youth, { frequence: 4 }, 'La question « frequence » attend un texte, pas un nombre.'],
    [youth, { frequence: { value: 'moins' } }, 'La question « frequence » attend un code de réponse, pas un objet.'],
    [youth, { frequence: true }, 'La question « frequence » attend un code de réponse, pas vrai ou faux.'],
    [youth, { stage_type: 'stage' }, 'La question « stage_type » attend une liste de réponses, pas un texte.'],
    [youth, { commentaire: 12 }, 'La question « commentaire » attend un texte, pas un nombre.'],
    [FIXTURE, { accord: 'oui' }, 'La question « accord » attend oui ou non (vrai ou faux), pas un texte.'],
    [FIXTURE, { age: '12' }, 'La question « age » attend un nombre, pas un texte.'],
    [FIXTURE, { note: '7' }, 'La question « note » attend un nombre, pas un texte.'],
  ])('rejects a value of the wrong type (%#)', (survey, answers, message) => {
    expect(errorsOf(survey, answers).map((error) => error.message)).toEqual([message]);
  });

  it.each([
    [youth, { confiance_aujourdhui: 9 }, "La réponse 9 est hors de l'échelle de la question « confiance_aujourdhui » (de 1 à 5)."],
    [youth, { notes_avant: 0 }, "La réponse 0 est hors de l'échelle de la question « notes_avant » (de 1 à 5)."],
    [FIXTURE, { note: 11 }, "La réponse 11 est hors de l'échelle de la question « note » (de 0 à 10)."],
    [FIXTURE, { age: 8 }, 'La réponse 8 à la question « age » est hors limites : elle doit être comprise entre 11 et 30.'],
  ])('rejects a value out of range (%#)', (survey, answers, message) => {
    expect(errorsOf(survey, answers).map((error) => error.message)).toEqual([message]);
  });

  it('rejects a value between two points of a scale', () => {
    expect(errorsOf(youth, { confiance_avant: 2.5 })[0]!.message).toBe(
      "La réponse « 2.5 » n'est pas un choix proposé pour la question « confiance_avant ».",
    );
  });

  it('rejects a text that is too long, at the limit of the question or the default one', () => {
    expect(validateSubmission(youth, { commentaire: 'a'.repeat(1000) }).ok).toBe(true);
    expect(errorsOf(youth, { commentaire: 'a'.repeat(1001) })).toEqual([
      { question: 'commentaire', message: 'La réponse à la question « commentaire » est trop longue : 1001 caractères pour 1000 au maximum.' },
    ]);
    expect(errorsOf(FIXTURE, { obligatoire: 'oui', ville: 'x'.repeat(21) })[0]!.message).toMatch(/trop longue : 21 caractères pour 20/);
    expect(errorsOf(FIXTURE, { obligatoire: 'oui', libre: 'x'.repeat(DEFAULT_TEXT_MAX_LENGTH + 1) })[0]!.message).toMatch(/trop longue/);
  });

  it('rejects repeated or too many choices in a multiple-choice question', () => {
    expect(errorsOf(youth, { stage_trouve: 'oui', stage_type: ['stage', 'stage'] })[0]!.message).toBe(
      'La question « stage_type » contient deux fois la même réponse.',
    );
    expect(errorsOf(FIXTURE, { obligatoire: 'oui', plusieurs: ['x', 'y', 'z'] })[0]!.message).toBe(
      'La question « plusieurs » accepte 2 réponses au plus.',
    );
  });

  it('reports every error at once', () => {
    const errors = errorsOf(youth, { frequence: 'x', confiance_avant: 9, inconnue: 1 });
    expect(errors.map((error) => error.question)).toEqual(['frequence', 'confiance_avant', 'inconnue']);
  });

  it('honours isRequired and survey-core validators when a survey declares them', () => {
    expect(errorsOf(FIXTURE, {})).toEqual([{ question: 'obligatoire', message: 'La question « obligatoire » est obligatoire.' }]);
    const errors = errorsOf(FIXTURE, { obligatoire: 'oui', courriel: 'pas-un-courriel' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.question).toBe('courriel');
    expect(errors[0]!.message).toMatch(/adresse mail valide/);
  });

  it('refuses to compile question types it cannot check', () => {
    const matrix = { pages: [{ name: 'p', elements: [{ type: 'matrix', name: 'm', columns: ['a'], rows: ['r'] }] }] };
    expect(() => validateSubmission(matrix, {})).toThrow(/non pris en charge/);
  });
});

describe('validateSubmission: speed', () => {
  it('validates a full youth submission in well under a millisecond', () => {
    validateSubmission(youth, FULL_YOUTH);
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) validateSubmission(youth, FULL_YOUTH);
    const microseconds = ((performance.now() - start) * 1000) / runs;
    expect(microseconds).toBeLessThan(1000);
  });
});
