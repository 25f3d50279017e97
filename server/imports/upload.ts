import express, { type Request, type Response } from 'express';
import { ServiceError } from '../errors.ts';
import { IMPORT_LIMITS, XLSM_MEDIA_TYPE, XLSX_MEDIA_TYPE, mb } from './limits.ts';

// Only this route reads a raw body, with its own size limit; every other route keeps the 100 kB JSON parser.
const raw = express.raw({ type: () => true, limit: IMPORT_LIMITS.maxFileBytes });

/** Reads the uploaded .xlsx (the request body itself, `Content-Type` of an .xlsx), refusing anything else early. */
export async function readXlsxBody(req: Request, res: Response): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === XLSM_MEDIA_TYPE.toLowerCase() || type.includes('macroenabled')) {
    throw new ServiceError('UNSUPPORTED_MEDIA_TYPE', 'Les classeurs avec macros (.xlsm) sont refusés par sécurité. Enregistrez le fichier au format « Classeur Excel (*.xlsx) », puis importez-le.');
  }
  if (type !== XLSX_MEDIA_TYPE) {
    throw new ServiceError('UNSUPPORTED_MEDIA_TYPE', `Envoyez un classeur Excel .xlsx (Content-Type: ${XLSX_MEDIA_TYPE}).`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > IMPORT_LIMITS.maxFileBytes) {
    throw new ServiceError('PAYLOAD_TOO_LARGE', `Le fichier dépasse la taille maximale de ${mb(IMPORT_LIMITS.maxFileBytes)}.`);
  }
  await new Promise<void>((resolve, reject) =>
    raw(req, res, (err?: unknown) => {
      if (!err) return resolve();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return reject(new ServiceError('PAYLOAD_TOO_LARGE', `Le fichier dépasse la taille maximale de ${mb(IMPORT_LIMITS.maxFileBytes)}.`));
      reject(new ServiceError('BAD_REQUEST', 'Le fichier n’a pas pu être reçu en entier. Réessayez.'));
    }),
  );
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
