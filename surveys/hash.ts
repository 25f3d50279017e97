import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

/**
 * SHA-256 (hex) of the survey's canonical JSON: the identity of a questionnaire version. Kept out of
 * compose.ts because node:crypto must not reach the client bundle.
 */
export function questionnaireHash(survey: object): string {
  return createHash('sha256').update(canonicalJson(survey), 'utf8').digest('hex');
}
