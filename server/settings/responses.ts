import { z } from 'zod';
import { LIST_KINDS } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

export const ListsView = z.object({
  kinds: z.array(z.object({
    kind: z.enum(LIST_KINDS),
    label: z.string(),
    values: z.array(z.object({
      inUse: z.number(),
      id: z.number(),
      code: z.string(),
      label: z.string(),
      groupLabel: z.string().nullable(),
      sortOrder: z.number(),
      retired: z.boolean(),
    })),
  })),
  territories: z.array(z.object({ inUse: z.number(), id: z.number(), name: z.string(), retired: z.boolean() })),
  closureGroups: z.array(z.object({ code: z.enum(["objectif", "atteint", "binome"]), label: z.string() })),
});
export const SavedListValue = z.object({
  id: z.number(),
  code: z.string(),
  label: z.string(),
  groupLabel: z.string().nullable(),
  sortOrder: z.number(),
  retired: z.boolean(),
});
export const SavedTerritory = z.object({ id: z.number(), name: z.string(), retired: z.boolean() });
