import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedDemo } from '../../../db/seed/demo-data.ts';
import { associations } from '../../../db/schema/index.ts';
import { neutralise, toCsv } from '../../../server/exports/report-csv.ts';
import { SHEETS } from '../../../server/exports/report-workbook.ts';
import { testApp, type TestApp } from '../../support/app.ts';

const NOW = new Date('2026-11-26T10:00:00Z');

/** A strict RFC 4180 reader with `;` fields (CRLF records, quoted fields with doubled quotes), to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ';') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\n') throw new Error('bare LF: not RFC 4180');
    else (field += c), i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}
const binary = (res: NodeJS.ReadableStream & { setEncoding(e: string): void; on: (...a: any[]) => any }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('CSV injection', () => {
  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tcalc', '\rcalc'])('neutralises %j', (value) => {
    expect(neutralise(value).startsWith("'")).toBe(true);
  });
  it('leaves plain text and our own numbers alone', () => {
    expect(neutralise('Association Trait d’Union')).toBe('Association Trait d’Union');
    expect(neutralise('-3,5 pt')).toBe("'-3,5 pt");
    expect(neutralise('−3,5 pt')).toBe('−3,5 pt');
    expect(neutralise(-2)).toBe('-2');
    expect(neutralise('< 11')).toBe('< 11');
  });
  it('writes CSV for French Excel: UTF-8 BOM, `;` between fields, CRLF, quotes doubled, numbers with a decimal comma', () => {
    const csv = toCsv([['a', 'b'], ['x; y', 'il a dit "oui"'], ['x, y', { num: 0.125, fmt: 'part' }], [{ num: 3.25, fmt: 'decimal' }, { num: -2.5, fmt: 'points' }], [1234, { num: 216000, fmt: 'euros' }]]);
    expect(csv).toBe('\ufeffa;b\r\n"x; y";"il a dit ""oui"""\r\nx, y;12,5%\r\n3,25;-2,5\r\n1234;216000\r\n');
  });
});

const PEOPLE_COLUMNS = new Set(['n', 'Dénominateur', 'Effectif', 'Liens émis', 'Réponses', 'Refus', 'Sans réponse', 'Binômes d’accord', 'Binômes où les deux ont répondu']);

describe('report exports on the demo database', () => {
  let t: TestApp;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: NOW });
    const demo = await seedDemo(t.database, { config: t.ctx.config, logger: t.ctx.logger, now: NOW });
    // An association name crafted as a formula must come out inert.
    t.db.update(associations).set({ name: '=HYPERLINK("http://pirate")' }).run();
    evaluator = await t.loginAs(demo.logins.find((l) => l.role === 'evaluateur')!);
  });
  afterAll(() => t.dispose());

  it.each(['value-chain', 'dashboard', 'evolution', 'response-rate', 'pairs'])('CSV of %s: parses back, no formula, no small count', async (report) => {
    const res = await evaluator.get(`/api/reports/export/csv?report=${report}&year=2026&compare=previous`.replace(report === 'pairs' || report === 'dashboard' || report === 'evolution' ? '&compare=previous' : '\u0000', ''));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const rows = parseCsv(res.text.replace(/^\ufeff/, ''));
    expect(rows.length).toBeGreaterThan(1);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Columns of people counted: never from 1 to k-1 (hidden cells read "< 11").
    const countColumns = rows[0]!.map((h, i) => (PEOPLE_COLUMNS.has(h) ? i : -1)).filter((i) => i >= 0);
    for (const row of rows.slice(1)) {
      for (const i of countColumns) {
        const n = Number((row[i] ?? '').replace(/\s/g, ''));
        if (row[i] && Number.isFinite(n)) expect(n === 0 || n >= 11, `${rows[0]![i]} = ${row[i]}`).toBe(true);
      }
    }
    if (report === 'response-rate' || report === 'pairs') expect(res.text).toContain(`'=HYPERLINK`);
    expect(res.text.startsWith('\ufeff')).toBe(true);
    expect(rows[0]!.length).toBeGreaterThan(2);
  });

  it('CSV numbers are written as French Excel reads numbers: no thousands separator, decimal comma, % for shares', async () => {
    const res = await evaluator.get('/api/reports/export/csv?report=value-chain&year=2026&compare=previous');
    const rows = parseCsv(res.text.replace(/^\ufeff/, ''));
    const young = rows.find((r) => r[1] === 'Jeunes accompagnés')!;
    expect(young[3]).toMatch(/^\d+$/);
    const reached = rows.find((r) => r[1] === 'Mentorats ayant atteint leur objectif')!;
    expect(reached[3]).toMatch(/^\d+(,\d)?%$|^masqué$/);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/\d[\u202f\u00a0 ]\d{3}/);
  });

  it('the workbook has the five tabs, figures, chart images, no row per young person', async () => {
    const res = await evaluator.get('/api/reports/export/workbook?year=2026').buffer(true).parse(binary as never);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual([...SHEETS]);
    const text = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).map(String).join(' | ')));
      return out;
    };
    expect(text('Explications').join('\n')).toMatch(/Secret statistique/);
    const synth = text('Synthèse des résultats').join('\n');
    expect(synth).toMatch(/Chaîne de valeur 2026/);
    expect(synth).toMatch(/Jeunes accompagnés/);
    expect(synth).toMatch(/Arrêt lié au binôme/);
    expect(wb.getWorksheet('Tableau de bord')!.getImages().length).toBeGreaterThanOrEqual(7);
    const data = text('Données');
    expect(data.join('\n')).toMatch(/Jeunes accompagnés par sexe/);
    // Aggregated only: no young person's reference (J-1-001…) anywhere in the workbook.
    for (const sheet of SHEETS) expect(text(sheet).join('\n')).not.toMatch(/J-\d-\d{3}/);
    const params = text('Paramètres figés').join('\n');
    expect(params).toMatch(/Seuil du secret statistique \(k\) \| 11/);
    expect(params).toMatch(/MECS associatives/);
    // Small counts never appear as numbers in the figures' columns.
    wb.getWorksheet('Données')!.eachRow((row) => {
      const v = row.getCell(3).value;
      if (typeof v === 'number') expect(v === 0 || v >= 11).toBe(true);
    });
    // Figures are numeric cells with a number format (French Excel sums and sorts them), not text.
    const synthSheet = wb.getWorksheet('Synthèse des résultats')!;
    let youngRow: ExcelJS.Row | undefined;
    let reachedRow: ExcelJS.Row | undefined;
    synthSheet.eachRow((row) => {
      if (row.getCell(2).value === 'Jeunes accompagnés') youngRow ??= row;
      if (row.getCell(2).value === 'Mentorats ayant atteint leur objectif') reachedRow ??= row;
    });
    expect(typeof youngRow!.getCell(4).value).toBe('number');
    expect(youngRow!.getCell(4).numFmt).toBe('#,##0');
    const reachedValue = reachedRow!.getCell(4);
    if (reachedValue.value !== 'masqué') {
      expect(typeof reachedValue.value).toBe('number');
      expect(reachedValue.numFmt).toBe('0.0%');
    }
    let numeric = 0;
    for (const sheet of ['Synthèse des résultats', 'Données']) wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && numeric++)));
    expect(numeric).toBeGreaterThan(50);
    // A label typed as a formula (here the association's name) stays text in every tab: never a formula cell.
    const formulas: string[] = [];
    for (const sheet of SHEETS)
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula || (typeof c.value === 'string' && /^[=+\-@]/.test(c.value))) formulas.push(`${sheet}!${c.address} ${String(c.value)}`);
        }),
      );
    expect(formulas).toEqual([]);
    expect(text('Synthèse des résultats').join('\n')).toContain(`'=HYPERLINK`);
  });

  it('the printable report holds the value chain, the trends and the charts as inline SVG', async () => {
    const res = await evaluator.get('/api/reports/export/print?year=2026');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/@page/);
    expect(res.text).toMatch(/Chaîne de valeur 2026/);
    expect(res.text).toMatch(/Évolution sur les années/);
    expect((res.text.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(res.text).not.toContain('<script');
    expect(res.text).toContain('=HYPERLINK(&quot;http://pirate&quot;)');
    // The trends lead with one table of the key indicators over the years; no forced page break (it left a
    // near-empty page), charts as wide as their column.
    expect(res.text).toMatch(/<th scope="col">Indicateur clé<\/th><th scope="col" class="num">2025<\/th><th scope="col" class="num">2026<\/th>/);
    expect(res.text).not.toMatch(/class="[^"]*\bpage\b/);
    expect(res.text).toMatch(/\.chart svg \{ width: 100%/);
    // Opened plainly, no script; the staff app's button asks for the self-printing version.
    const auto = await evaluator.get('/api/reports/export/print?year=2026&autoprint=1');
    expect(auto.text).toContain('<script src="/api/reports/export/print.js" defer></script>');
    const script = await evaluator.get('/api/reports/export/print.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toContain('window.print()');
  });
});
