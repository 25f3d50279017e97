import { z } from 'zod';
import { ServiceError } from '../errors.ts';

// French messages for every zod issue, including the generated ones (types, lengths, unknown keys).
z.config(z.locales.fr());

/** Parses a request part; a failure becomes a 400 with a French sentence naming the field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, part: 'params' | 'query' | 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(result.error, part);
}

export function validationError(error: z.ZodError, part: string): ServiceError {
  const issues = error.issues.slice(0, 20).map((issue) => ({
    field: issue.path.map(String).join('.') || null,
    message: issue.message,
  }));
  const where = part === 'body' ? 'données envoyées' : part === 'query' ? 'paramètres de la requête' : "adresse";
  const first = issues[0];
  const message = first
    ? `Les ${where} sont invalides${first.field ? ` (champ « ${first.field} »)` : ''} : ${first.message}`
    : `Les ${where} sont invalides.`;
  return new ServiceError('BAD_REQUEST', message, { issues });
}

/** Positive integer id from a path segment; anything else is a 400, never a 500. */
export const IdParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const IsoDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });
