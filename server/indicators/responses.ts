import { z } from 'zod';
import { AUDIENCES } from '../../db/schema/enums.ts';
import { CHAIN_LINKS, DEFAULT_SELECTIONS, INDICATOR_IDS, INDICATOR_SOURCES, INDICATOR_UNITS } from '../../surveys/catalogue.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const Indicator = z.object({
  id: z.enum(INDICATOR_IDS),
  link: z.enum(CHAIN_LINKS),
  label: z.string(),
  definition: z.string(),
  sources: z.array(z.enum(INDICATOR_SOURCES)).readonly(),
  unit: z.enum(INDICATOR_UNITS),
  disaggregations: z.array(z.string()).readonly(),
  computation: z.string(),
  defaultSelection: z.enum(DEFAULT_SELECTIONS),
});
export const Selection = z.object({
  year: z.number(),
  isDefault: z.boolean(),
  keyIndicatorIds: z.array(z.string()),
  optionalIndicatorIds: z.array(z.string()),
});
const WordingComparison = z.object({
  indicatorId: z.string(),
  label: z.string(),
  audience: z.enum(AUDIENCES),
  changed: z.boolean(),
  changedLanguages: z.array(z.string()),
  inFrom: z.boolean(),
  inTo: z.boolean(),
});
export const IndicatorList = z.array(Indicator).readonly();
export const VersionList = z.array(z.object({
  createdAt: z.string(),
  frozenAt: z.string().nullable(),
  links: z.number(),
  responses: z.number(),
  id: z.number(),
  audience: z.enum(AUDIENCES),
  hash: z.string(),
  indicatorIds: z.array(z.string()),
}));
export const WordingComparisonList = z.array(WordingComparison);
export const VersionDetail = z.object({
  createdAt: z.string(),
  frozenAt: z.string().nullable(),
  id: z.number(),
  departmentId: z.number(),
  audience: z.enum(AUDIENCES),
  hash: z.string(),
  surveyJson: z.record(z.string(), z.unknown()),
  noticeJson: z.object({ title: z.string(), paragraphs: z.array(z.string()) }),
  indicatorIds: z.array(z.string()),
});
