import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api.ts';

/**
 * Puts the server's per-field French messages (`error.details.issues`) under the fields they concern; returns the
 * message left for the form's banner (the server's sentence when no field of this form is named).
 */
export function showServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const mine = error.issues.filter((i) => i.field !== null && fields.includes(i.field));
  for (const issue of mine) setError(issue.field as Path<T>, { type: 'server', message: issue.message });
  return mine.length === error.issues.length && mine.length > 0 ? null : error.message;
}

/** An empty form value is « not given » for the API. */
export const blank = (value: string | undefined | null): string | null => {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
};
