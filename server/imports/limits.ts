/**
 * Limits of the Excel import, checked in this order before exceljs parses anything (see workbook.ts).
 * A real steering table is a few hundred rows, well under 1 MB; these leave a wide margin while keeping
 * one import’s memory bounded (bench/import.ts: a 10,000-row file peaks near 240 MB of RSS, mostly exceljs).
 */
export const IMPORT_LIMITS = {
  /** Size of the uploaded .xlsx (compressed). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Total size of the workbook once unzipped, measured while inflating (a zip bomb stops here). */
  maxUnzippedBytes: 60 * 1024 * 1024,
  /** Entries in the zip archive (an .xlsx has about ten). */
  maxEntries: 500,
  /** Data rows of the sheet (header excluded). */
  maxRows: 20_000,
  /** Columns of the sheet. */
  maxColumns: 100,
  /**
   * Row elements in any one sheet's XML, empty ones included, counted while inflating (workbook.ts): exceljs
   * builds an object per row, so millions of empty rows in a tiny file would cost gigabytes.
   */
  maxSheetRows: 25_000,
  /** Cell elements in any one sheet's XML, empty formatted ones included (20,000 rows × 25 columns). */
  maxSheetCells: 500_000,
  /** How long a preview waits for its confirmation. */
  previewTtlMs: 30 * 60_000,
} as const;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MEDIA_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

export const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;
