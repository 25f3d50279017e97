import { z } from 'zod';
import { AUDIENCES, LINK_STATES, MENTORSHIP_STATUSES } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

export const MentorshipExport = z.object({
  exportedAt: z.string(),
  mentorship: z.object({
    createdAt: z.string(),
    updatedAt: z.string(),
    id: z.number(),
    departmentId: z.number(),
    associationId: z.number(),
    reference: z.string(),
    youngPersonId: z.number(),
    mentorId: z.number().nullable(),
    appliedOn: z.string().nullable(),
    matchedOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    status: z.enum(MENTORSHIP_STATUSES),
    objective: z.string().nullable(),
    modality: z.string().nullable(),
    isRenewal: z.boolean(),
    closureReason: z.string().nullable(),
  }),
  youngPerson: z.object({
    createdAt: z.string(),
    id: z.number(),
    departmentId: z.number(),
    associationId: z.number(),
    reference: z.string(),
    sex: z.string().nullable(),
    birthMonth: z.string().nullable(),
    schoolLevel: z.string().nullable(),
    placementType: z.string().nullable(),
    territoryId: z.number().nullable(),
  }).nullable(),
  mentor: z.object({ reference: z.string(), trainedOn: z.string().nullable() }).nullable(),
  links: z.array(z.object({
    audience: z.enum(AUDIENCES),
    state: z.enum(LINK_STATES),
    createdAt: z.string(),
    expiresAt: z.string(),
    usedAt: z.string().nullable(),
    draftSaved: z.boolean(),
  })),
  responses: z.array(z.object({
    audience: z.enum(AUDIENCES),
    declined: z.boolean(),
    submittedAt: z.string(),
    questionnaireVersionId: z.number(),
    answers: z.record(z.string(), z.unknown()),
    freeTextAnswersHeldByAssociation: z.number(),
  })),
  indicatorValues: z.array(z.object({
    valueText: z.string().nullable(),
    audience: z.enum(AUDIENCES),
    indicatorId: z.string(),
    dimension: z.string(),
    value: z.number().nullable(),
    year: z.number(),
  })),
});
