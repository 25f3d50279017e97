import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ServiceError } from '../errors.ts';

/** One sheet as exceljs read it: its non-empty rows (1-based line, cell values from column A, cut at `width`). */
export interface RawSheet {
  name: string;
  rows: { line: number; values: unknown[] }[];
}

/** Generous for the largest workbook the archive checks let through (25,000 rows, 500,000 cells). */
const WORKER_HEAP_MB = 768;
const WORKER_TIMEOUT_MS = 60_000;

// Plain JavaScript evaluated as the worker's code (no TypeScript loader needed, in tests and in the bundle); only
// dynamic imports, so it runs whether Node treats it as CommonJS or, in this "type": "module" package, as ESM.
const WORKER_SOURCE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const Excel = (await import(workerData.exceljs)).default;
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(workerData.buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts'] });
  } catch {
    parentPort.postMessage({ ok: false });
    return;
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'veryHidden').map((sheet) => {
    const rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => rows.push({ line, values: Array.from(row.values).slice(1, workerData.width + 1) }));
    return { name: sheet.name, rows };
  });
  parentPort.postMessage({ ok: true, sheets });
})();
`;

let exceljsPath: string | null = null;

/**
 * Parses the workbook with exceljs in a worker thread with its own capped heap: parsing a large sheet takes the
 * CPU for a second or more, which on the main thread would stall every other request (`/api/health` included);
 * a workbook that still needs more memory than the cap is refused instead of swelling the server.
 */
export function parseWorkbookInWorker(buffer: Buffer, width: number): Promise<RawSheet[]> {
  exceljsPath ??= pathToFileURL(createRequire(import.meta.url).resolve('exceljs')).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { buffer, width, exceljs: exceljsPath },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const finish = (error: ServiceError | null, sheets?: RawSheet[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(sheets!);
    };
    const timer = setTimeout(() => finish(new ServiceError('PAYLOAD_TOO_LARGE', 'La lecture du classeur prend trop de temps : il est refusé. Supprimez les lignes et colonnes vides ou découpez le fichier.')), WORKER_TIMEOUT_MS);
    worker.on('message', (message: { ok: boolean; sheets?: RawSheet[] }) =>
      message.ok ? finish(null, message.sheets) : finish(new ServiceError('BAD_REQUEST', 'Le classeur ne peut pas être lu : il est endommagé ou n’est pas un classeur Excel .xlsx valide.')),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ServiceError('PAYLOAD_TOO_LARGE', 'Le classeur demande trop de mémoire pour être lu : supprimez les lignes et colonnes vides, les mises en forme inutiles, ou découpez le fichier.')
          : new ServiceError('BAD_REQUEST', 'Le classeur ne peut pas être lu : il est endommagé ou n’est pas un classeur Excel .xlsx valide.'),
      ),
    );
    worker.on('exit', () => finish(new ServiceError('BAD_REQUEST', 'Le classeur ne peut pas être lu : il est endommagé ou n’est pas un classeur Excel .xlsx valide.')));
  });
}
