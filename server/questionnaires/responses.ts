import { z } from 'zod';
import { AUDIENCES, LINK_STATES } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

export const RespondentQuestionnaire = z.object({
  audience: z.enum(AUDIENCES),
  state: z.enum(LINK_STATES),
  associationName: z.string(),
  versionId: z.number(),
  survey: z.record(z.string(), z.unknown()),
  notice: z.object({ title: z.string(), paragraphs: z.array(z.string()) }),
  draft: z.record(z.string(), z.unknown()).nullable(),
  // Issue 11: the respondent's language, the languages offered, and every text around the questions in that language.
  language: z.string(),
  languages: z.array(z.string()),
  speechLang: z.string(),
  text: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});
