import { z } from 'zod';
import { AUDIENCES, LINK_STATES, MENTORSHIP_STATUSES } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const nullableText = z.string().nullable();

/** A row as the form saves it. */
export const SavedMentorship = z.object({
  id: z.number(),
  reference: z.string(),
  sex: nullableText,
  birthMonth: nullableText,
  schoolLevel: nullableText,
  placementType: nullableText,
  territoryId: z.number().nullable(),
  mentorReference: nullableText,
  appliedOn: nullableText,
  matchedOn: nullableText,
  startedOn: nullableText,
  endedOn: nullableText,
  status: z.enum(MENTORSHIP_STATUSES),
  objective: nullableText,
  modality: nullableText,
  isRenewal: z.boolean(),
  closureReason: nullableText,
});

/** A row of the steering table: the saved row, with its association, territory name and re-issuable links. */
const RegistryRow = SavedMentorship.extend({
  associationId: z.number(),
  associationName: z.string(),
  territory: nullableText,
  /** Audiences (« youth,mentor ») whose unanswered link can be re-issued. */
  reissuable: nullableText,
});

export const MentorshipPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(RegistryRow),
  associations: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const MentorshipDetail = RegistryRow.extend({
  links: z.array(z.object({ audience: z.enum(AUDIENCES), state: z.enum(LINK_STATES), expiresAt: z.string(), usedAt: nullableText })),
});

export const ReissuedLinks = z.object({
  links: z.array(z.object({
    audience: z.enum(AUDIENCES),
    url: z.string(),
    expiresAt: z.string(),
    questionnaireVersionId: z.number(),
    qrCodeSvg: z.string(),
  })),
});
