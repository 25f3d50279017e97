import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { mentorships } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { importWorld, upload, workbook, XLSX } from './helpers.ts';
import { IMPORT_LIMITS } from '../../../server/imports/limits.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof importWorld>>;
beforeEach(async () => {
  t = testApp();
  w = await importWorld(t);
});
afterEach(() => t.dispose());

const small = () => workbook([['Référence', 'Statut', 'Date de début'], ['R-1', 'En cours', '01/10/2025']]);

async function rezip(buffer: Buffer, change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('Excel import limits', () => {
  it('refuses an oversized upload before reading it', async () => {
    const lead = await t.loginAs(w.lead);
    const res = await upload(lead, Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x50));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/dépasse la taille maximale de 5 Mo/);
  });

  it('refuses a zip bomb: small archive, huge once inflated', async () => {
    const lead = await t.loginAs(w.lead);
    const bomb = await rezip(await small(), (zip) => {
      zip.file('xl/media/image1.bin', Buffer.alloc(IMPORT_LIMITS.maxUnzippedBytes + 1024));
    });
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    const res = await upload(lead, bomb);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/décompressé est anormalement volumineux/);
  });

  it('refuses macro-enabled workbooks, by media type and by content', async () => {
    const lead = await t.loginAs(w.lead);
    const byType = await upload(lead, await small(), 'application/vnd.ms-excel.sheet.macroEnabled.12');
    expect(byType.status).toBe(415);
    expect(byType.body.error.message).toMatch(/macros \(\.xlsm\)/);
    const xlsm = await rezip(await small(), async (zip) => {
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
      zip.file('xl/vbaProject.bin', Buffer.from('macro'));
    });
    const byContent = await upload(lead, xlsm);
    expect(byContent.status).toBe(415);
    expect(byContent.body.error.message).toMatch(/contient des macros/);
  });

  it('refuses anything that is not an .xlsx workbook with a clear French message, never a 500', async () => {
    const lead = await t.loginAs(w.lead);
    const csv = await upload(lead, Buffer.from('Nom;Prénom;Référence\nMartin;Léa;J-1\n'));
    expect(csv.status).toBe(415);
    expect(csv.body.error.message).toMatch(/n’est pas un classeur Excel \.xlsx/);
    const xls = await upload(lead, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect(xls.body.error.message).toMatch(/Excel 97-2003/);
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    docx.file('word/document.xml', '<w:document/>');
    const word = await upload(lead, await docx.generateAsync({ type: 'nodebuffer' }));
    expect(word.status).toBe(415);
    const good = await small();
    const truncated = await upload(lead, good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.status).toBeGreaterThanOrEqual(400);
    expect(truncated.status).toBeLessThan(500);
    const text = await lead.post('/api/imports/preview').set('Content-Type', 'text/csv').send('a;b');
    expect(text.status).toBe(415);
    const empty = await upload(lead, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(t.db.select({ n: count() }).from(mentorships).get()!.n).toBe(0);
  });

  it('answers a damaged workbook with a 4xx, whatever the damaged bytes', async () => {
    const lead = await t.loginAs(w.lead);
    const good = await small();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 255 }), async (at, length, byte) => {
        const broken = Buffer.from(good);
        broken.fill(byte, at, Math.min(good.length, at + length));
        const res = await upload(lead, broken);
        expect(res.status === 201 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
        expect(res.body.error?.message ?? '').not.toMatch(/interne/);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const lead = await t.loginAs(w.lead);
    const rows: unknown[][] = [['Référence', 'Statut']];
    for (let i = 0; i <= IMPORT_LIMITS.maxRows; i++) rows.push([`R-${i}`, 'Candidature']);
    const res = await upload(lead, await workbook(rows));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/dépasse 20 000 lignes|dépasse 20\u202f000 lignes|dépasse 20 000 lignes/);
  });

  it('accepts the content type only on the import route: other routes keep JSON', async () => {
    const lead = await t.loginAs(w.lead);
    const res = await lead.post('/api/mentorships').set('Content-Type', XLSX).send(await small());
    expect(res.status).toBe(415);
  });
});
