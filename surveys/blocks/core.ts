import type { Audience, Notice, QuestionJson } from '../types.ts';
import type { BlockPage } from './block.ts';

export const COMMENT_MAX_LENGTH = 1000;

export interface NoticeInput {
  audience: Audience;
  contact: string;
  associationName?: string;
}

/**
 * What the respondent must know before answering. It is returned apart from the survey because the
 * server renders it as plain HTML before any JavaScript loads (weak networks); paragraphs are plain
 * text and must be escaped by whoever renders them. Its promises (grouped results only, every
 * question skippable, no name asked) are kept by the rest of this folder: no block uses isRequired
 * or asks for a name.
 */
export function coreNotice({ audience, contact, associationName }: NoticeInput): Notice {
  const association = associationName?.trim();
  if (audience === 'youth') {
    return {
      title: 'Avant de commencer',
      paragraphs: [
        `Ce questionnaire parle de ton mentorat${association ? ` avec l'association ${association}` : ''}. Il prend environ 5 minutes.`,
        "Tu peux passer toutes les questions : aucune réponse n'est obligatoire.",
        "On ne te demande pas ton nom. Tes réponses sont regroupées avec celles des autres jeunes. L'association et le Département voient seulement les résultats du groupe, pas tes réponses à toi.",
        "Une seule exception : si toi ou ton représentant légal demandez à voir ou à effacer tes données, l'administration du Département peut sortir tes réponses pour répondre à cette demande, et c'est noté dans un journal.",
        "Seul ton message de la dernière question, si tu en écris un, est lu par l'association. Le Département ne le voit jamais.",
        'Tu peux aussi choisir de ne pas répondre du tout : rien ne sera enregistré à part ce choix.',
        "Tu peux t'arrêter et reprendre plus tard avec le même lien.",
        `Une question ? Contacte : ${contact.trim()}`,
      ],
    };
  }
  return {
    title: 'Avant de commencer',
    paragraphs: [
      `Ce questionnaire porte sur le mentorat que vous venez de terminer${association ? ` avec l'association ${association}` : ''}. Il prend quelques minutes.`,
      'Toutes les questions sont facultatives : vous pouvez passer celles auxquelles vous ne souhaitez pas répondre.',
      "Votre nom n'est pas demandé. Vos réponses sont regroupées avec celles des autres mentors : l'association et le Département ne voient que des résultats agrégés, pas vos réponses individuelles.",
      "Seule exception : si vous demandez à consulter ou à effacer vos données, l'administration du Département peut extraire vos réponses pour traiter cette demande ; l'extraction est inscrite au journal d'audit.",
      "Seul votre commentaire libre (dernière question), si vous en écrivez un, est lu par l'association ; il n'est jamais transmis au Département.",
      'Vous pouvez aussi choisir de ne pas répondre : seul ce choix sera enregistré.',
      'Vous pouvez vous interrompre et reprendre plus tard avec le même lien.',
      `Pour toute question : ${contact.trim()}`,
    ],
  };
}

function commentQuestion(audience: Audience): QuestionJson {
  return audience === 'youth'
    ? {
        type: 'comment',
        name: 'commentaire',
        title: 'Veux-tu ajouter quelque chose sur ton mentorat ?',
        description: "Seule l'association lira ce message. N'écris pas de nom : ni le tien, ni celui d'une autre personne.",
        maxLength: COMMENT_MAX_LENGTH,
        rows: 4,
      }
    : {
        type: 'comment',
        name: 'mentor_commentaire',
        title: 'Souhaitez-vous ajouter un commentaire sur ce mentorat ?',
        description: "Seule l'association lira ce commentaire. N'indiquez aucun nom : ni le vôtre, ni celui du jeune, ni celui d'une autre personne.",
        maxLength: COMMENT_MAX_LENGTH,
        rows: 4,
      };
}

/** The free comment closes every questionnaire, whatever the indicators selected. */
export function coreClosingPage(audience: Audience): BlockPage {
  return {
    name: 'dernier_mot',
    title: 'Un dernier mot',
    elements: [commentQuestion(audience)],
  };
}

export interface SurveySettingsInput {
  audience: Audience;
  associationName?: string;
}

/** Survey-level SurveyJS settings, chosen for phones and for a questionnaire where nothing is required. */
export function coreSurveySettings({ audience, associationName }: SurveySettingsInput): Record<string, unknown> {
  const youth = audience === 'youth';
  const association = associationName?.trim();
  return {
    locale: 'fr',
    title: youth ? 'Ton avis sur ton mentorat' : 'Questionnaire de fin de mentorat (mentor)',
    ...(association ? { description: `Association : ${association}` } : {}),
    showQuestionNumbers: false,
    showProgressBar: true,
    progressBarType: 'pages',
    // Same rule as the server: an answer to a question that became hidden is not kept.
    clearInvisibleValues: 'onHidden',
    checkErrorsMode: 'onValueChanged',
    maxTextLength: COMMENT_MAX_LENGTH,
    pagePrevText: 'Précédent',
    pageNextText: 'Suivant',
    completeText: youth ? 'Envoyer mes réponses' : 'Envoyer',
    completedHtml: youth
      ? '<h2>Merci !</h2><p>Tes réponses vont aider à améliorer le mentorat.</p>'
      : '<h2>Merci</h2><p>Vos réponses aideront à améliorer le mentorat.</p>',
  };
}
