import { beforeNowQuestions, choice, YOUTH_PAIR_DESCRIPTION, type QuestionBlock } from './block.ts';

// Impact is only asked of the young person: the seed measures it as what changed for them *thanks to*
// the mentoring, which only they can say.

export const youthConfidence: QuestionBlock = {
  indicatorId: 'impact.confiance',
  audience: 'youth',
  pages: [
    {
      name: 'confiance',
      title: 'La confiance en toi',
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: 'impact.confiance',
        prefix: 'confiance',
        before: 'Avant le mentorat, avais-tu confiance en toi ?',
        now: "Aujourd'hui, as-tu confiance en toi ?",
        thanks: 'Est-ce grâce au mentorat que tu as plus confiance en toi ?',
      }),
    },
  ],
};

export const youthMarks: QuestionBlock = {
  indicatorId: 'impact.notes',
  audience: 'youth',
  pages: [
    {
      name: 'notes',
      title: "L'école",
      description: "Si tu ne vas plus à l'école, passe à la suite.",
      elements: beforeNowQuestions({
        indicator: 'impact.notes',
        prefix: 'notes',
        before: 'Avant le mentorat, comment étaient tes notes ?',
        now: "Aujourd'hui, comment sont tes notes ?",
        thanks: 'Est-ce grâce au mentorat que tes notes sont meilleures ?',
        scale: [
          choice(1, 'Très basses'),
          choice(2, 'Basses'),
          choice(3, 'Moyennes'),
          choice(4, 'Bonnes'),
          choice(5, 'Très bonnes'),
        ],
      }),
    },
  ],
};

export const youthPlacement: QuestionBlock = {
  indicatorId: 'impact.stage',
  audience: 'youth',
  pages: [
    {
      name: 'stage',
      title: 'Stage, emploi ou formation',
      elements: [
        {
          type: 'radiogroup',
          name: 'stage_trouve',
          title: 'Grâce au mentorat, as-tu trouvé un stage, un apprentissage, un emploi ou une formation ?',
          indicator: 'impact.stage',
          indicatorDimension: 'trouve',
          // No score for "not looking": it leaves the denominator instead of counting as a "no".
          choices: [choice('oui', 'Oui', { score: 1 }), choice('non', 'Non', { score: 0 }), choice('pas_cherche', "Je n'en cherchais pas")],
        },
        {
          type: 'checkbox',
          name: 'stage_type',
          title: "Qu'as-tu trouvé ?",
          description: 'Tu peux cocher plusieurs réponses.',
          visibleIf: "{stage_trouve} = 'oui'",
          indicator: 'impact.stage',
          indicatorDimension: 'type',
          choices: [
            choice('stage', 'Un stage'),
            choice('apprentissage', 'Un apprentissage'),
            choice('emploi', 'Un emploi'),
            choice('formation', 'Une formation'),
          ],
        },
      ],
    },
  ],
};

const SKILLS = 'impact.competences_psychosociales';

export const youthPsychosocialSkills: QuestionBlock = {
  indicatorId: SKILLS,
  audience: 'youth',
  pages: [
    {
      name: 'prise_de_parole',
      title: 'Parler devant les autres',
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'prise_de_parole',
        prefix: 'parole',
        before: 'Avant le mentorat, osais-tu parler devant les autres ?',
        now: "Aujourd'hui, oses-tu parler devant les autres ?",
        thanks: 'Est-ce grâce au mentorat que tu oses plus parler ?',
      }),
    },
    {
      name: 'personne_ressource',
      title: "Quelqu'un sur qui compter",
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'personne_ressource',
        prefix: 'soutien',
        before: "Avant le mentorat, avais-tu quelqu'un sur qui compter ?",
        now: "Aujourd'hui, as-tu quelqu'un sur qui compter ?",
        thanks: "Est-ce grâce au mentorat que tu as quelqu'un sur qui compter ?",
      }),
    },
    {
      name: 'liens',
      title: 'Créer des liens',
      description: YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'liens',
        prefix: 'liens',
        before: 'Avant le mentorat, était-ce facile pour toi de rencontrer de nouvelles personnes ?',
        now: "Aujourd'hui, est-ce facile pour toi de rencontrer de nouvelles personnes ?",
        thanks: "Est-ce grâce au mentorat que c'est plus facile de rencontrer des gens ?",
      }),
    },
    {
      name: 'decouverte',
      title: 'Découvrir',
      description: 'Par exemple : ce que tu aimes, des métiers, des lieux, des activités. ' + YOUTH_PAIR_DESCRIPTION,
      elements: beforeNowQuestions({
        indicator: SKILLS,
        facet: 'decouverte',
        prefix: 'decouverte',
        before: 'Avant le mentorat, connaissais-tu bien tes goûts et le monde autour de toi ?',
        now: "Aujourd'hui, connais-tu bien tes goûts et le monde autour de toi ?",
        thanks: 'Est-ce grâce au mentorat que tu en sais plus sur toi et sur le monde ?',
      }),
    },
  ],
};
