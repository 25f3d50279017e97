import { z } from 'zod';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

export const MentorList = z.object({
  rows: z.array(z.object({
    id: z.number(),
    reference: z.string(),
    trainedOn: z.string().nullable(),
    associationId: z.number(),
    associationName: z.string(),
    mentorships: z.number(),
    inProgress: z.number(),
  })),
});
export const SavedMentor = z.object({
  id: z.number(),
  reference: z.string(),
  createdAt: z.date(),
  associationId: z.number(),
  trainedOn: z.string().nullable(),
});
