import type { ChoiceJson } from '../types.ts';
import { choice, yesNo, type QuestionBlock } from './block.ts';

// The seed asks never to mix up a pair that stopped (availability, moving, placement change, lost
// contact) with a pair that missed its objective: each reason carries its category as data.
export const STOP_CATEGORY = { pair: 'binome', objective: 'objectif', other: 'autre' } as const;

function reachedChoices(): ChoiceJson[] {
  return [
    choice('oui', 'Oui', { score: 1 }),
    choice('en_partie', 'En partie', { score: 0.5 }),
    choice('non', 'Non', { score: 0 }),
    choice('ne_sait_pas', 'Je ne sais pas'),
  ];
}

export const youthObjective: QuestionBlock = {
  indicatorId: 'resultats.objectif_atteint',
  audience: 'youth',
  pages: [
    {
      name: 'objectif',
      title: 'Ton objectif',
      description:
        "Au début du mentorat, tu avais un objectif. Par exemple : progresser à l'école, trouver une formation, te sentir mieux.",
      elements: [
        {
          type: 'radiogroup',
          name: 'objectif_atteint',
          title: 'As-tu atteint ton objectif ?',
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'atteint',
          choices: reachedChoices(),
        },
        {
          type: 'radiogroup',
          name: 'objectif_change',
          title: 'Ton objectif a-t-il changé pendant le mentorat ?',
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'objectif_change',
          choices: yesNo(),
        },
      ],
    },
    {
      name: 'fin_du_mentorat',
      title: 'La fin du mentorat',
      elements: [
        {
          type: 'radiogroup',
          name: 'arret_anticipe',
          title: "Ton mentorat s'est-il arrêté plus tôt que prévu ?",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'arret_anticipe',
          choices: yesNo(),
        },
        {
          type: 'radiogroup',
          name: 'motif_arret',
          title: "Pourquoi s'est-il arrêté plus tôt ?",
          description: 'Choisis la raison principale.',
          visibleIf: "{arret_anticipe} = 'oui'",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'motif_arret',
          choices: [
            choice('disponibilite', "Mon mentor ou moi n'avions plus assez de temps", { category: STOP_CATEGORY.pair }),
            choice('demenagement', 'Mon mentor ou moi avons déménagé', { category: STOP_CATEGORY.pair }),
            choice('changement_placement', "J'ai changé de lieu de vie (foyer, famille d'accueil…)", {
              category: STOP_CATEGORY.pair,
            }),
            choice('perte_contact', 'On ne se donnait plus de nouvelles', { category: STOP_CATEGORY.pair }),
            choice('relation', 'Ça ne se passait pas bien entre nous', { category: STOP_CATEGORY.pair }),
            choice('objectif_non_atteint', "Le mentorat ne m'aidait pas pour mon objectif", {
              category: STOP_CATEGORY.objective,
            }),
            choice('autre', 'Une autre raison', { category: STOP_CATEGORY.other }),
          ],
        },
      ],
    },
  ],
};

export const mentorObjective: QuestionBlock = {
  indicatorId: 'resultats.objectif_atteint',
  audience: 'mentor',
  pages: [
    {
      name: 'objectif',
      title: "L'objectif du mentorat",
      description:
        "L'objectif fixé au début du mentorat : par exemple progression scolaire, orientation, recherche de stage, d'emploi ou de formation, soutien personnel.",
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_objectif_atteint',
          title: "Selon vous, l'objectif fixé au début du mentorat a-t-il été atteint ?",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'atteint',
          choices: reachedChoices(),
        },
        {
          type: 'radiogroup',
          name: 'mentor_objectif_change',
          title: "L'objectif a-t-il changé en cours de mentorat ?",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'objectif_change',
          choices: yesNo(),
        },
      ],
    },
    {
      name: 'fin_du_mentorat',
      title: 'La fin du mentorat',
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_arret_anticipe',
          title: "Le mentorat s'est-il arrêté plus tôt que prévu ?",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'arret_anticipe',
          choices: yesNo(),
        },
        {
          type: 'radiogroup',
          name: 'mentor_motif_arret',
          title: "Quelle est la raison principale de l'arrêt ?",
          visibleIf: "{mentor_arret_anticipe} = 'oui'",
          indicator: 'resultats.objectif_atteint',
          indicatorDimension: 'motif_arret',
          choices: [
            choice('disponibilite', 'Manque de disponibilité (la vôtre ou celle du jeune)', { category: STOP_CATEGORY.pair }),
            choice('demenagement', 'Déménagement (le vôtre ou celui du jeune)', { category: STOP_CATEGORY.pair }),
            choice('changement_placement', "Changement de lieu d'accueil du jeune", { category: STOP_CATEGORY.pair }),
            choice('perte_contact', 'Perte de contact avec le jeune', { category: STOP_CATEGORY.pair }),
            choice('relation', 'Difficultés dans la relation', { category: STOP_CATEGORY.pair }),
            choice('objectif_non_atteint', "L'objectif n'avançait pas (par exemple pas de progrès en classe)", {
              category: STOP_CATEGORY.objective,
            }),
            choice('autre', 'Autre raison', { category: STOP_CATEGORY.other }),
          ],
        },
      ],
    },
  ],
};
