import type { ChoiceJson } from '../types.ts';
import { choice, type PageGroup, type QuestionBlock } from './block.ts';

// Scores are approximate meetings per month, so the indicator can be an average frequency.
function frequencyChoices(): ChoiceJson[] {
  return [
    choice('plusieurs_par_semaine', 'Plusieurs fois par semaine', { score: 8 }),
    choice('chaque_semaine', 'Une fois par semaine', { score: 4 }),
    choice('deux_par_mois', 'Deux fois par mois', { score: 2 }),
    choice('une_par_mois', 'Une fois par mois', { score: 1 }),
    choice('moins', "Moins d'une fois par mois", { score: 0.5 }),
  ];
}

const YOUTH_MEETINGS: PageGroup = { name: 'rencontres', title: 'Tes rencontres avec ton mentor' };
const MENTOR_MEETINGS: PageGroup = { name: 'rencontres', title: 'Vos rencontres avec le jeune' };

export const youthFrequency: QuestionBlock = {
  indicatorId: 'realisations.frequence',
  audience: 'youth',
  pages: [
    {
      name: 'frequence',
      title: 'Tes rencontres',
      group: YOUTH_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'frequence',
          title: 'En général, combien de fois voyais-tu ton mentor ?',
          indicator: 'realisations.frequence',
          indicatorDimension: 'frequence',
          choices: frequencyChoices(),
        },
      ],
    },
  ],
};

export const mentorFrequency: QuestionBlock = {
  indicatorId: 'realisations.frequence',
  audience: 'mentor',
  pages: [
    {
      name: 'frequence',
      title: 'Fréquence des rencontres',
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_frequence',
          title: 'En général, à quelle fréquence rencontriez-vous le jeune ?',
          indicator: 'realisations.frequence',
          indicatorDimension: 'frequence',
          choices: frequencyChoices(),
        },
      ],
    },
  ],
};

export const youthModality: QuestionBlock = {
  indicatorId: 'realisations.modalite',
  audience: 'youth',
  pages: [
    {
      name: 'modalite',
      title: 'Comment vous vous voyiez',
      group: YOUTH_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'modalite',
          title: 'Comment se passaient vos rencontres ?',
          indicator: 'realisations.modalite',
          indicatorDimension: 'modalite',
          choices: [
            choice('presentiel', 'En vrai, face à face'),
            choice('distance', 'À distance (téléphone, vidéo, messages)'),
            choice('les_deux', 'Les deux'),
          ],
        },
      ],
    },
  ],
};

export const mentorModality: QuestionBlock = {
  indicatorId: 'realisations.modalite',
  audience: 'mentor',
  pages: [
    {
      name: 'modalite',
      title: 'Forme des rencontres',
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_modalite',
          title: 'Sous quelle forme se déroulaient vos rencontres ?',
          indicator: 'realisations.modalite',
          indicatorDimension: 'modalite',
          choices: [
            choice('presentiel', 'En présentiel'),
            choice('distance', 'À distance (téléphone, visio, messages)'),
            choice('les_deux', 'Les deux'),
          ],
        },
      ],
    },
  ],
};

// Scores are the approximate share of planned meetings attended, so the indicator is a proportion.
export const mentorAttendance: QuestionBlock = {
  indicatorId: 'realisations.assiduite',
  audience: 'mentor',
  pages: [
    {
      name: 'assiduite',
      title: 'Assiduité du jeune',
      group: MENTOR_MEETINGS,
      elements: [
        {
          type: 'radiogroup',
          name: 'mentor_assiduite',
          title: 'Le jeune venait-il aux rencontres prévues ?',
          indicator: 'realisations.assiduite',
          indicatorDimension: 'assiduite',
          choices: [
            choice('toujours', 'Toujours ou presque', { score: 1 }),
            choice('souvent', 'Souvent', { score: 0.75 }),
            choice('une_fois_sur_deux', 'Une fois sur deux', { score: 0.5 }),
            choice('rarement', 'Rarement', { score: 0.25 }),
          ],
        },
      ],
    },
  ],
};
