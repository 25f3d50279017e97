import { z } from 'zod';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const ColumnInfo = z.object({
  index: z.number(),
  header: z.string(),
  target: z.enum(["reference", "name", "sex", "birthMonth", "schoolLevel", "placementType", "appliedOn", "matchedOn", "startedOn", "endedOn", "status", "objective", "modality", "isRenewal", "closureReason", "mentorReference", "territory", "association", "mentorTrainedOn", "age", "schoolGroup"]).nullable(),
  source: z.enum(["auto", "manuel"]),
  note: z.string().nullable(),
});
const ImportError = z.object({ line: z.number().nullable(), column: z.string().nullable(), message: z.string() });
export const ImportPreview = z.object({
  importId: z.string(),
  expiresAt: z.string(),
  sheetName: z.string(),
  headerRow: z.number(),
  columns: z.array(ColumnInfo),
  fields: z.array(z.object({
    field: z.enum(["reference", "sex", "birthMonth", "schoolLevel", "placementType", "appliedOn", "matchedOn", "startedOn", "endedOn", "status", "objective", "modality", "isRenewal", "closureReason", "mentorReference", "territory", "mentorTrainedOn"]),
    label: z.string(),
  })),
  counts: z.object({
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    skipped: z.number(),
  }),
  mentorsUpdated: z.number(),
  ignoredColumns: z.object({
    names: z.array(z.string()),
    recomputed: z.array(z.string()),
    unknown: z.array(z.string()),
  }),
  notes: z.array(z.string()),
  blocking: z.string().nullable(),
  errors: z.array(ImportError),
  errorCount: z.number(),
  canConfirm: z.boolean(),
  changes: z.array(z.object({
    line: z.number(),
    reference: z.string(),
    kind: z.enum(["nouvelle", "mise_a_jour"]),
    fields: z.array(z.object({
      field: z.enum(["reference", "sex", "birthMonth", "schoolLevel", "placementType", "territoryId", "appliedOn", "matchedOn", "startedOn", "endedOn", "status", "objective", "modality", "isRenewal", "closureReason", "mentorReference"]),
      label: z.string(),
      before: z.string().nullable(),
      after: z.string(),
    })),
  })),
  erased: z.array(z.object({
    line: z.number(),
    reference: z.string(),
    label: z.string(),
    before: z.string(),
    message: z.string(),
  })),
  erasedCount: z.number(),
  sample: z.array(z.object({
    line: z.number(),
    reference: z.string(),
    sex: z.string().nullable(),
    birthMonth: z.string().nullable(),
    schoolLevel: z.string().nullable(),
    placementType: z.string().nullable(),
    territory: z.string().nullable(),
    status: z.string(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
  })),
});
export const ImportConfirmed = z.object({
  message: z.string(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  mentorsCreated: z.number(),
  ignoredNames: z.array(z.string()),
});
