import { z } from 'zod';
import { getIndicator, indicators, type IndicatorSource } from './catalogue.ts';
import { QUESTION_BLOCKS, coreClosingPage, coreNotice, coreSurveySettings, type BlockPage } from './blocks/index.ts';
import { normalizeChoices, stringProperty, surveyQuestions } from './json.ts';
import { LANGUAGES, localizeSurvey, type Language } from './languages.ts';
import { AUDIENCES, type Audience, type Notice, type PageJson, type SurveyJson } from './types.ts';

// No node: imports here: the client composes the preview with this same module.

/** Screens a young person can be asked to go through (~5 minutes on a phone). */
export const MAX_YOUTH_PAGES = 12;

export const AUDIENCE_SOURCE: Readonly<Record<Audience, IndicatorSource>> = {
  youth: 'questionnaire_jeune',
  mentor: 'questionnaire_mentor',
};

const composeInputSchema = z.object({
  audience: z.enum(AUDIENCES),
  indicatorIds: z.array(z.string()),
  contact: z.string().trim().min(1, 'Le contact affiché aux répondants est obligatoire.'),
  associationName: z.string().optional(),
});

export type ComposeInput = z.input<typeof composeInputSchema>;

export interface ComposedQuestionnaire {
  survey: SurveyJson;
  notice: Notice;
}

/**
 * Builds the questionnaire for one audience from the selected indicators. The result depends only on
 * the input (not on its order or duplicates), so that its hash identifies a questionnaire version.
 */
export function composeQuestionnaire(input: ComposeInput): ComposedQuestionnaire {
  const { audience, indicatorIds, contact, associationName } = composeInputSchema.parse(input);
  const unknown = indicatorIds.filter((id) => getIndicator(id) === undefined);
  if (unknown.length > 0) {
    throw new Error(`Indicateur inconnu : ${unknown.map((id) => `« ${id} »`).join(', ')}.`);
  }
  const selected = new Set(indicatorIds);
  const source = AUDIENCE_SOURCE[audience];

  const blockPages: BlockPage[] = [];
  for (const indicator of indicators) {
    if (!selected.has(indicator.id) || !indicator.sources.includes(source)) continue;
    for (const block of QUESTION_BLOCKS) {
      if (block.indicatorId === indicator.id && block.audience === audience) blockPages.push(...block.pages);
    }
  }
  const pages = [...mergeGroups(blockPages), toPageJson(coreClosingPage(audience))];

  if (audience === 'youth' && pages.length > MAX_YOUTH_PAGES) {
    throw new Error(`Le questionnaire jeune compte ${pages.length} pages, ${MAX_YOUTH_PAGES} au plus.`);
  }

  const survey: SurveyJson = {
    ...(coreSurveySettings({ audience, associationName }) as Omit<SurveyJson, 'pages'>),
    locale: 'fr',
    pages,
  };
  return { survey, notice: coreNotice({ audience, contact, associationName }) };
}

// Pages are deep-copied so that a caller editing its survey cannot alter the shared block definitions.
function toPageJson(page: BlockPage): PageJson {
  return {
    name: page.name,
    title: page.title,
    ...(page.description === undefined ? {} : { description: page.description }),
    elements: structuredClone(page.elements),
  };
}

function mergeGroups(pages: BlockPage[]): PageJson[] {
  const out: PageJson[] = [];
  let currentGroup: string | undefined;
  for (const page of pages) {
    const last = out[out.length - 1];
    if (page.group && page.group.name === currentGroup && last) {
      last.elements.push(...structuredClone(page.elements));
      continue;
    }
    currentGroup = page.group?.name;
    out.push(
      page.group
        ? toPageJson({ ...page, name: page.group.name, title: page.group.title, description: page.group.description })
        : toPageJson(page),
    );
  }
  return out;
}

/**
 * The wording of the questions feeding one indicator, in a canonical form (one line per question:
 * name, type, title, description, choices with their scores and categories). Two versions whose
 * wordings differ may not be comparable year over year for that indicator. Without a language, the
 * wording in every language: a changed translation is a wording change too.
 */
export function indicatorWording(survey: object, indicatorId: string, language?: Language): string {
  if (language === undefined) {
    const french = indicatorWording(survey, indicatorId, 'fr');
    if (french === '') return '';
    return [french, ...LANGUAGES.filter((l) => l !== 'fr').map((l) => `[${l}]\n${indicatorWording(survey, indicatorId, l)}`)].join('\n');
  }
  return surveyQuestions(localizeSurvey(survey, language))
    .filter((question) => question.indicator === indicatorId)
    .map((question) => {
      const choices = normalizeChoices(question.choices)
        .map((item) => {
          const extras = [item.score === undefined ? '' : `score=${item.score}`, item.category ? `categorie=${item.category}` : '']
            .filter(Boolean)
            .join(',');
          return `${String(item.value)}=${item.text}${extras ? ` (${extras})` : ''}`;
        })
        .join(' ; ');
      return [
        String(question.name),
        String(question.type),
        stringProperty(question, 'indicatorFacet') ?? '',
        stringProperty(question, 'indicatorDimension') ?? '',
        stringProperty(question, 'title') ?? '',
        stringProperty(question, 'description') ?? '',
        choices,
      ].join(' | ');
    })
    .join('\n');
}
