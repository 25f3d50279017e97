import { z } from 'zod';

/** A figure as a report sends it: a number, the mark of a hidden count (see suppression.ts), or null (nothing measured). */
export const HiddenCell = z.object({ suppressed: z.literal(true), complement: z.literal(true).optional() });
export const ReportCell = z.union([z.number(), HiddenCell, z.null()]);
