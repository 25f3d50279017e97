import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type JSZip from 'jszip';
import { ServiceError } from '../errors.ts';
import { IMPORT_LIMITS, mb } from './limits.ts';
import { matchHeader } from './columns.ts';
import { fold } from './normalize.ts';
import { parseWorkbookInWorker, type RawSheet } from './excel-worker.ts';

/** A cell reduced to what the import reads: formulas give their computed result, rich text its plain text. */
export type Cell = string | number | boolean | Date | { error: string } | null;

export interface Grid {
  sheetName: string;
  /** 1-based row number of the header row in the sheet. */
  headerRow: number;
  headers: string[];
  rows: { line: number; cells: Cell[] }[];
}

type Limits = Pick<typeof IMPORT_LIMITS, 'maxFileBytes' | 'maxUnzippedBytes' | 'maxEntries' | 'maxRows' | 'maxColumns' | 'maxSheetRows' | 'maxSheetCells'>;

const refuse = (message: string, code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' = 'BAD_REQUEST') => new ServiceError(code, message);
const NOT_XLSX = 'Ce fichier n’est pas un classeur Excel .xlsx. Dans Excel, utilisez « Enregistrer sous » → « Classeur Excel (*.xlsx) », puis importez ce fichier.';

/**
 * Checks the archive before exceljs sees it: size, number of entries, the workbook's content type (no macros,
 * no binary workbook), and the real unzipped size, counted while inflating so that a zip bomb stops early.
 */
export async function inspectArchive(buffer: Buffer, limits: Limits = IMPORT_LIMITS): Promise<void> {
  if (buffer.length === 0) throw refuse('Le fichier est vide.');
  if (buffer.length > limits.maxFileBytes) throw refuse(`Le fichier dépasse la taille maximale de ${mb(limits.maxFileBytes)}.`, 'PAYLOAD_TOO_LARGE');
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) {
    throw refuse('Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe. Retirez le mot de passe et enregistrez-le au format « Classeur Excel (*.xlsx) ».', 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b) throw refuse(NOT_XLSX, 'UNSUPPORTED_MEDIA_TYPE');
  // Loaded on first use, like exceljs: only imports need them, not the server's start-up.
  const { default: Zip } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw refuse('Le fichier est endommagé ou n’est pas un classeur Excel .xlsx.', 'UNSUPPORTED_MEDIA_TYPE');
  }
  const names = Object.keys(zip.files);
  if (names.length > limits.maxEntries) throw refuse(`Le fichier contient trop d’éléments (${names.length}, au plus ${limits.maxEntries}) : ce n’est pas un tableau de pilotage.`);
  const contentTypes = zip.file('[Content_Types].xml');
  if (!contentTypes || !zip.file('xl/workbook.xml') && !zip.file('xl/workbook.bin')) throw refuse(NOT_XLSX, 'UNSUPPORTED_MEDIA_TYPE');
  const types = await readBounded(contentTypes, 1024 * 1024);
  if (/macroEnabled/i.test(types) || names.some((n) => /vbaProject\.bin$/i.test(n))) {
    throw refuse('Ce classeur contient des macros (.xlsm) : il est refusé par sécurité. Enregistrez-le au format « Classeur Excel (*.xlsx) », sans macros, puis importez-le.', 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (!/spreadsheetml\.sheet\.main\+xml/.test(types)) throw refuse(NOT_XLSX, 'UNSUPPORTED_MEDIA_TYPE');

  let total = 0;
  for (const name of names) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    total += await countInflated(entry, limits.maxUnzippedBytes - total, WORKSHEET.test(name) ? sheetCounter(limits) : undefined);
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Row and cell elements, with or without a namespace prefix (`<row `, `<x:c>`); never `<cols>` nor `<col `. */
const ROW_OR_CELL = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s/>]/g;

/**
 * Counts the rows and cells of a sheet's XML while it is inflated, before exceljs builds an object for each: a
 * 148 KB file can hold millions of empty rows, which exceljs would turn into gigabytes. Empty rows count too
 * (that is what costs memory), so the limits leave room for a formatted block under a real table.
 */
function sheetCounter(limits: Limits) {
  let rows = 0;
  let cells = 0;
  let carry = '';
  return (chunk: Buffer): ServiceError | null => {
    // latin1 keeps one character per byte (fast, and the tags are ASCII); a tag split across chunks is rejoined.
    const text = carry + chunk.toString('latin1');
    // One inflated chunk of a crafted file can hold millions of tags: stop at the first one over the limit.
    for (const match of text.matchAll(ROW_OR_CELL)) {
      if (match[1] === 'row') rows++;
      else cells++;
      if (rows > limits.maxSheetRows || cells > limits.maxSheetCells) break;
    }
    const lastOpen = text.lastIndexOf('<');
    carry = lastOpen >= 0 && text.length - lastOpen < 64 && !text.slice(lastOpen).match(ROW_OR_CELL) ? text.slice(lastOpen) : '';
    if (rows > limits.maxSheetRows) {
      return refuse(
        `Une feuille du classeur contient plus de ${limits.maxSheetRows.toLocaleString('fr-FR')} lignes (lignes vides mises en forme comprises) : au plus ${limits.maxRows.toLocaleString('fr-FR')} lignes de données. Supprimez les lignes vides sous le tableau (sélectionnez-les, clic droit → « Supprimer ») ou découpez le fichier.`,
        'PAYLOAD_TOO_LARGE',
      );
    }
    if (cells > limits.maxSheetCells) {
      return refuse(
        `Une feuille du classeur contient plus de ${limits.maxSheetCells.toLocaleString('fr-FR')} cellules (cellules vides mises en forme comprises) : supprimez les lignes et colonnes vides autour du tableau ou découpez le fichier.`,
        'PAYLOAD_TOO_LARGE',
      );
    }
    return null;
  };
}

const tooBig = () => refuse('Le fichier décompressé est anormalement volumineux (archive piégée ou classeur démesuré) : il est refusé.', 'PAYLOAD_TOO_LARGE');

/** What jszip keeps of an entry after `loadAsync`: its still-compressed bytes and method (internal but stable in 3.x). */
interface CompressedEntry {
  _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } };
}

/**
 * The entry's inflated bytes as a stream. Node's zlib inflates on the thread pool, chunk by chunk, pulled as the
 * reader asks: a crafted entry (millions of rows in a few kilobytes) neither blocks the event loop nor gets
 * inflated past the point where the reader gives up. jszip's own stream inflates each input chunk whole, in one
 * synchronous step (over a second for such a file): it is only the fallback for an unusual method.
 */
function inflatedStream(entry: JSZip.JSZipObject): NodeJS.ReadableStream & { destroy?: () => void } {
  const data = (entry as unknown as CompressedEntry)._data;
  const method = data?.compression?.magic?.charCodeAt(0);
  if (data?.compressedContent && (method === 0 || method === 8)) {
    const source = Readable.from([Buffer.from(data.compressedContent.buffer, data.compressedContent.byteOffset, data.compressedContent.byteLength)]);
    if (method === 0) return source;
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    source.on('error', (error) => inflate.destroy(error));
    return source.pipe(inflate);
  }
  return entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
}

/**
 * Inflates one entry, counting bytes; stops and refuses as soon as the budget is exceeded, or as soon as
 * `inspect` finds a chunk too much (a sheet with too many rows).
 */
function countInflated(entry: JSZip.JSZipObject, budget: number, inspect?: (chunk: Buffer) => ServiceError | null): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let done = false;
    const stream = inflatedStream(entry);
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      bytes += chunk.length;
      const problem = bytes > budget ? tooBig() : (inspect?.(chunk) ?? null);
      if (problem) {
        done = true;
        stream.pause();
        stream.destroy?.();
        reject(problem);
      }
    });
    stream.on('end', () => {
      if (!done) {
        done = true;
        resolve(bytes);
      }
    });
    stream.on('error', () => {
      if (!done) {
        done = true;
        reject(refuse('Le fichier est endommagé : une partie du classeur ne peut pas être lue.'));
      }
    });
  });
}

async function readBounded(entry: JSZip.JSZipObject, max: number): Promise<string> {
  await countInflated(entry, max).catch(() => {
    throw refuse(NOT_XLSX, 'UNSUPPORTED_MEDIA_TYPE');
  });
  // jszip checks the declared size after inflating: a damaged entry fails here, and is the sender's problem.
  return entry.async('string').catch(() => {
    throw refuse('Le fichier est endommagé ou n’est pas un classeur Excel .xlsx.', 'UNSUPPORTED_MEDIA_TYPE');
  });
}

/**
 * Reads the sheet of the steering table into a grid of plain values. Call `inspectArchive` first. exceljs runs in
 * a worker thread (excel-worker.ts): the server keeps answering other requests while a workbook is parsed.
 */
export async function readGrid(buffer: Buffer, limits: Limits = IMPORT_LIMITS): Promise<Grid> {
  const sheets = await parseWorkbookInWorker(buffer, limits.maxColumns + 1);
  if (sheets.length === 0) throw refuse('Le classeur ne contient aucune feuille.');
  const named = sheets.find((s) => fold(s.name) === 'donnees');
  const candidates = named ? [named, ...sheets.filter((s) => s !== named)] : sheets;
  for (const sheet of candidates) {
    const grid = sheetGrid(sheet, limits);
    if (grid) return grid;
  }
  throw refuse(
    `Aucune feuille du classeur n’a une ligne d’en-têtes reconnaissable (par exemple « Référence », « Sexe », « Date de naissance », « Date de début »). Feuilles lues : ${sheets.map((s) => `« ${s.name} »`).join(', ')}.`,
  );
}

function sheetGrid(sheet: RawSheet, limits: Limits): Grid | null {
  // The header row is the first of the top ten rows where at least two columns are recognised.
  let headerRow = 0;
  let headers: string[] = [];
  for (const row of sheet.rows) {
    if (row.line > 10) break;
    const texts = rowCells(row.values, limits.maxColumns + 1).map((v) => (v === null || typeof v === 'object' ? '' : String(v).trim()));
    if (texts.filter((t) => t && matchHeader(t) !== null).length >= 2) {
      headerRow = row.line;
      headers = texts;
      break;
    }
  }
  if (!headerRow) return null;
  while (headers.length && !headers[headers.length - 1]) headers.pop();
  if (headers.length > limits.maxColumns) throw refuse(`La feuille « ${sheet.name} » a trop de colonnes (au plus ${limits.maxColumns}).`);
  const rows: Grid['rows'] = [];
  for (const row of sheet.rows) {
    if (row.line <= headerRow) continue;
    const cells = rowCells(row.values, headers.length);
    if (cells.every((c) => c === null)) continue;
    rows.push({ line: row.line, cells });
    if (rows.length > limits.maxRows) {
      throw refuse(`La feuille « ${sheet.name} » dépasse ${limits.maxRows.toLocaleString('fr-FR')} lignes : découpez le fichier.`, 'PAYLOAD_TOO_LARGE');
    }
  }
  return { sheetName: sheet.name, headerRow, headers, rows };
}

/** The row's values from column A, `width` wide (exceljs leaves holes for empty cells). */
function rowCells(values: unknown[], width: number): Cell[] {
  const cells: Cell[] = new Array(width).fill(null);
  const last = Math.min(width, values.length);
  for (let c = 0; c < last; c++) cells[c] = plainCell(values[c]);
  return cells;
}

export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
    if (Array.isArray(v.richText)) return plainCell((v.richText as { text?: string }[]).map((p) => p.text ?? '').join(''));
    if ('text' in v) return plainCell(v.text);
  }
  return null;
}
