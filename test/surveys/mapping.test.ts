import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, mapAnswers, validateSubmission, type IndicatorValueRow } from '../../surveys/index.ts';
import { compose } from './helpers.ts';

const youth = compose('youth', INDICATOR_IDS).survey;
const mentor = compose('mentor', INDICATOR_IDS).survey;

function row(indicatorId: string, dimension: string, value: number | null, valueText: string | null = null): IndicatorValueRow {
  return { indicatorId, dimension, value, valueText };
}

const F = 'realisations.frequence';
const MOD = 'realisations.modalite';
const ASS = 'realisations.assiduite';
const OBJ = 'resultats.objectif_atteint';
const CONF = 'impact.confiance';
const NOTES = 'impact.notes';
const STAGE = 'impact.stage';
const PSY = 'impact.competences_psychosociales';

type Case = [label: string, survey: object, answers: Record<string, unknown>, rows: IndicatorValueRow[]];

const CASES: Case[] = [
  // Réalisations
  ['frequency, several a week', youth, { frequence: 'plusieurs_par_semaine' }, [row(F, 'frequence', 8, 'plusieurs_par_semaine')]],
  ['frequency, weekly', youth, { frequence: 'chaque_semaine' }, [row(F, 'frequence', 4, 'chaque_semaine')]],
  ['frequency, twice a month', youth, { frequence: 'deux_par_mois' }, [row(F, 'frequence', 2, 'deux_par_mois')]],
  ['frequency, monthly', youth, { frequence: 'une_par_mois' }, [row(F, 'frequence', 1, 'une_par_mois')]],
  ['frequency, less', youth, { frequence: 'moins' }, [row(F, 'frequence', 0.5, 'moins')]],
  ['frequency, mentor side', mentor, { mentor_frequence: 'chaque_semaine' }, [row(F, 'frequence', 4, 'chaque_semaine')]],
  ['modality, youth', youth, { modalite: 'distance' }, [row(MOD, 'modalite', null, 'distance')]],
  ['modality, mentor', mentor, { mentor_modalite: 'les_deux' }, [row(MOD, 'modalite', null, 'les_deux')]],
  ['attendance, mentor', mentor, { mentor_assiduite: 'une_fois_sur_deux' }, [row(ASS, 'assiduite', 0.5, 'une_fois_sur_deux')]],
  // Résultats
  ['objective reached', youth, { objectif_atteint: 'oui' }, [row(OBJ, 'atteint', 1, 'oui')]],
  ['objective partly reached', youth, { objectif_atteint: 'en_partie' }, [row(OBJ, 'atteint', 0.5, 'en_partie')]],
  ['objective not reached', youth, { objectif_atteint: 'non' }, [row(OBJ, 'atteint', 0, 'non')]],
  ['objective: does not know', youth, { objectif_atteint: 'ne_sait_pas' }, [row(OBJ, 'atteint', null, 'ne_sait_pas')]],
  ['objective changed', youth, { objectif_change: 'oui' }, [row(OBJ, 'objectif_change', 1, 'oui')]],
  ['objective unchanged, mentor', mentor, { mentor_objectif_change: 'non' }, [row(OBJ, 'objectif_change', 0, 'non')]],
  [
    'stopped early because of the pair',
    youth,
    { arret_anticipe: 'oui', motif_arret: 'changement_placement' },
    [
      row(OBJ, 'arret_anticipe', 1, 'oui'),
      row(OBJ, 'motif_arret', null, 'changement_placement'),
      row(OBJ, 'motif_arret_categorie', null, 'binome'),
    ],
  ],
  [
    'stopped early because the objective was not moving, mentor',
    mentor,
    { mentor_objectif_atteint: 'non', mentor_arret_anticipe: 'oui', mentor_motif_arret: 'objectif_non_atteint' },
    [
      row(OBJ, 'atteint', 0, 'non'),
      row(OBJ, 'arret_anticipe', 1, 'oui'),
      row(OBJ, 'motif_arret', null, 'objectif_non_atteint'),
      row(OBJ, 'motif_arret_categorie', null, 'objectif'),
    ],
  ],
  ['went to the end', youth, { arret_anticipe: 'non' }, [row(OBJ, 'arret_anticipe', 0, 'non')]],
  // Impact: before/now pairs and the change score
  [
    'confidence up, thanks to the mentoring',
    youth,
    { confiance_avant: 2, confiance_aujourdhui: 5, confiance_grace: 'oui' },
    [row(CONF, 'avant', 2), row(CONF, 'aujourdhui', 5), row(CONF, 'evolution', 3), row(CONF, 'grace_au_mentorat', 1, 'oui')],
  ],
  [
    'confidence down',
    youth,
    { confiance_avant: 4, confiance_aujourdhui: 3 },
    [row(CONF, 'avant', 4), row(CONF, 'aujourdhui', 3), row(CONF, 'evolution', -1)],
  ],
  ['confidence unchanged', youth, { confiance_avant: 3, confiance_aujourdhui: 3 }, [row(CONF, 'avant', 3), row(CONF, 'aujourdhui', 3), row(CONF, 'evolution', 0)]],
  ['confidence: only "now" answered, no change score', youth, { confiance_aujourdhui: 4 }, [row(CONF, 'aujourdhui', 4)]],
  ['confidence: only "before" answered, no change score', youth, { confiance_avant: 1 }, [row(CONF, 'avant', 1)]],
  [
    'marks up, not thanks to the mentoring',
    youth,
    { notes_avant: 2, notes_aujourdhui: 3, notes_grace: 'non' },
    [row(NOTES, 'avant', 2), row(NOTES, 'aujourdhui', 3), row(NOTES, 'evolution', 1), row(NOTES, 'grace_au_mentorat', 0, 'non')],
  ],
  [
    'marks up, does not know why',
    youth,
    { notes_avant: 1, notes_aujourdhui: 5, notes_grace: 'ne_sait_pas' },
    [row(NOTES, 'avant', 1), row(NOTES, 'aujourdhui', 5), row(NOTES, 'evolution', 4), row(NOTES, 'grace_au_mentorat', null, 'ne_sait_pas')],
  ],
  [
    'psycho-social skills carry their facet',
    youth,
    { parole_avant: 1, parole_aujourdhui: 4, parole_grace: 'oui', liens_aujourdhui: 2, decouverte_avant: 5, decouverte_aujourdhui: 5 },
    [
      row(PSY, 'prise_de_parole.avant', 1),
      row(PSY, 'prise_de_parole.aujourdhui', 4),
      row(PSY, 'prise_de_parole.evolution', 3),
      row(PSY, 'prise_de_parole.grace_au_mentorat', 1, 'oui'),
      row(PSY, 'liens.aujourdhui', 2),
      row(PSY, 'decouverte.avant', 5),
      row(PSY, 'decouverte.aujourdhui', 5),
      row(PSY, 'decouverte.evolution', 0),
    ],
  ],
  [
    'facets are never paired with each other',
    youth,
    { soutien_avant: 1, liens_aujourdhui: 5 },
    [row(PSY, 'personne_ressource.avant', 1), row(PSY, 'liens.aujourdhui', 5)],
  ],
  // Impact: internship
  [
    'found an internship and a training',
    youth,
    { stage_trouve: 'oui', stage_type: ['stage', 'formation'] },
    [row(STAGE, 'trouve', 1, 'oui'), row(STAGE, 'type', null, 'stage'), row(STAGE, 'type', null, 'formation')],
  ],
  ['found nothing', youth, { stage_trouve: 'non' }, [row(STAGE, 'trouve', 0, 'non')]],
  ['was not looking', youth, { stage_trouve: 'pas_cherche' }, [row(STAGE, 'trouve', null, 'pas_cherche')]],
  // Skipped and unmapped questions
  ['nothing answered', youth, {}, []],
  ['skipped values', youth, { frequence: null, stage_type: [], commentaire: '' }, []],
  ['the free comment feeds no indicator', youth, { commentaire: 'Super' }, []],
  ['the mentor comment feeds no indicator', mentor, { mentor_commentaire: 'Bien' }, []],
];

describe('mapAnswers', () => {
  it.each(CASES)('%s', (_label, survey, answers, rows) => {
    expect(mapAnswers(survey, answers)).toEqual(rows);
  });

  it('maps a full submission in question order, one row per answer plus change scores', () => {
    const rows = mapAnswers(youth, {
      frequence: 'chaque_semaine',
      objectif_atteint: 'oui',
      confiance_avant: 2,
      confiance_aujourdhui: 4,
      commentaire: 'ok',
    });
    expect(rows.map((r) => `${r.indicatorId}:${r.dimension}`)).toEqual([
      'realisations.frequence:frequence',
      'resultats.objectif_atteint:atteint',
      'impact.confiance:avant',
      'impact.confiance:aujourdhui',
      'impact.confiance:evolution',
    ]);
  });

  it('is driven by the properties carried by the questions, not by question names', () => {
    const edited = structuredClone(youth);
    const questions = edited.pages.flatMap((page) => page.elements);
    const comment = questions.find((question) => question.name === 'commentaire')!;
    Object.assign(comment, { indicator: 'impact.confiance', indicatorDimension: 'verbatim' });
    const frequency = questions.find((question) => question.name === 'frequence')!;
    delete frequency.indicator;
    expect(mapAnswers(edited, { commentaire: 'Merci', frequence: 'moins' })).toEqual([row(CONF, 'verbatim', null, 'Merci')]);
  });

  it('maps only what validation kept: hidden answers never become indicator values', () => {
    const result = validateSubmission(youth, { arret_anticipe: 'non', motif_arret: 'relation', confiance_avant: 3, confiance_aujourdhui: 2, confiance_grace: 'oui' });
    if (!result.ok) throw new Error('expected valid answers');
    expect(mapAnswers(youth, result.answers)).toEqual([
      row(OBJ, 'arret_anticipe', 0, 'non'),
      row(CONF, 'avant', 3),
      row(CONF, 'aujourdhui', 2),
      row(CONF, 'evolution', -1),
    ]);
  });

  it('handles rating, boolean and number questions with the same rules', () => {
    const survey = {
      locale: 'fr',
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'rating', name: 'r_avant', title: 'Avant', rateMin: 1, rateMax: 10, indicator: 'x.y', indicatorDimension: 'avant' },
            { type: 'rating', name: 'r_maintenant', title: 'Maintenant', rateMin: 1, rateMax: 10, indicator: 'x.y', indicatorDimension: 'aujourdhui' },
            { type: 'boolean', name: 'b', title: 'B', indicator: 'x.y', indicatorDimension: 'oui_non' },
            { type: 'text', inputType: 'number', name: 'n', title: 'N', indicator: 'x.y', indicatorDimension: 'nombre' },
          ],
        },
      ],
    };
    expect(mapAnswers(survey, { r_avant: 7, r_maintenant: 9, b: false, n: 12 })).toEqual([
      row('x.y', 'avant', 7),
      row('x.y', 'aujourdhui', 9),
      row('x.y', 'evolution', 2),
      row('x.y', 'oui_non', 0),
      row('x.y', 'nombre', 12),
    ]);
  });
});
