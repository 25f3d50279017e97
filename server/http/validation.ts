import { z } from 'zod';
import { ServiceError } from '../errors.ts';

// French messages for every zod issue, including the generated ones (types, lengths, unknown keys).
z.config(z.locales.fr());

/**
 * The French names of a form's fields, by field path (`etpSalaries`, `financements.montant`: list positions left
 * out). Declared once per form or route and used by its validation errors, which never show a code name.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** Parses a request part; a failure becomes a 400 with a French sentence naming the field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, part: 'params' | 'query' | 'body', labels?: FieldLabels): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(result.error, part, labels);
}

/** The field's French name, or null when the form has none for it (the message then names no field). */
export function fieldLabel(path: readonly PropertyKey[], labels: FieldLabels | undefined): string | null {
  if (!labels || path.length === 0) return null;
  const key = path.filter((p) => typeof p !== 'number' && !/^\d+$/.test(String(p))).map(String).join('.');
  const line = path.find((p) => typeof p === 'number');
  const label = labels[key];
  return label === undefined ? null : typeof line === 'number' ? `${label}, ligne ${line + 1}` : label;
}

export function validationError(error: z.ZodError, part: string, labels?: FieldLabels): ServiceError {
  const issues = error.issues.slice(0, 20).map((issue) => ({
    field: issue.path.map(String).join('.') || null,
    message: issue.message,
    label: fieldLabel(issue.path, labels),
  }));
  const where = part === 'body' ? 'données envoyées' : part === 'query' ? 'paramètres de la requête' : "adresse";
  const first = issues[0];
  // A message that already names its field (« ETP salariés » : …) is not prefixed with the name again.
  const named = first?.label && !first.message.includes(first.label.split(', ligne')[0]!) ? ` (« ${first.label} »)` : '';
  const message = first ? `Les ${where} sont invalides${named} : ${first.message}` : `Les ${where} sont invalides.`;
  return new ServiceError('BAD_REQUEST', message, { issues: issues.map(({ label, ...i }) => (label ? { ...i, label } : i)) });
}

/** Positive integer id from a path segment; anything else is a 400, never a 500. */
export const IdParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const IsoDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });
