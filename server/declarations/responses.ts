import { z } from 'zod';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

export const DeclarationOverview = z.object({
  year: z.number(),
  submitted: z.number(),
  total: z.number(),
  declarations: z.array(z.object({
    associationId: z.number(),
    associationName: z.string(),
    state: z.enum(["brouillon", "soumise", "nouvelle"]),
    submittedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })),
});
export const DeclarationView = z.object({
  associationId: z.number(),
  year: z.number(),
  state: z.enum(["brouillon", "soumise", "nouvelle"]),
  content: z.record(z.string(), z.unknown()),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  issues: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
});
export const AssociationDeclarationView = z.object({
  associationName: z.string(),
  associationId: z.number(),
  year: z.number(),
  state: z.enum(["brouillon", "soumise", "nouvelle"]),
  content: z.record(z.string(), z.unknown()),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  issues: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
});
