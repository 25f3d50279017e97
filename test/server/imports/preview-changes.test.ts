import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { mentorships } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship } from '../../support/factories.ts';
import { downloadFile, importWorld, upload, workbook, XLSX } from './helpers.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof importWorld>>;
beforeEach(async () => {
  t = testApp();
  w = await importWorld(t);
});
afterEach(() => t.dispose());

type Agent = Awaited<ReturnType<TestApp['loginAs']>>;
async function download(agent: Agent, path: string, query: Record<string, string> = {}): Promise<Buffer> {
  const res = await downloadFile(agent, path, query);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  return res.body as Buffer;
}
async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

describe('import preview: what changes', () => {
  it('says which rows are new or updated, each change before → after, and warns that an empty cell erases a value', async () => {
    const base = { departmentId: w.department.id, associationId: w.association.id };
    makeMentorship(t.db, { ...base, reference: 'AB-1', startedOn: '2025-10-01', objective: 'orientation' });
    makeMentorship(t.db, { ...base, reference: 'AB-2', startedOn: '2025-10-01', objective: 'orientation' });
    const lead = await t.loginAs(w.lead);
    const preview = await upload(
      lead,
      await workbook([
        ['Référence', 'Date de début', 'Objectif'],
        // Lower case: the same row as « AB-1 », updated, not a new one.
        ['ab-1', '15/10/2025', 'Orientation académique'],
        ['AB-2', '01/10/2025', null],
        ['NEW-1', '01/11/2025', null],
      ]),
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body.counts, JSON.stringify(preview.body.changes)).toMatchObject({ created: 1, updated: 2, unchanged: 0 });
    expect(preview.body.changes).toEqual([
      { line: 2, reference: 'AB-1', kind: 'mise_a_jour', fields: [{ field: 'startedOn', label: 'Date de début', before: '01/10/2025', after: '15/10/2025' }] },
      { line: 3, reference: 'AB-2', kind: 'mise_a_jour', fields: [{ field: 'objective', label: 'Objectif', before: 'Orientation académique', after: '(vide)' }] },
      { line: 4, reference: 'NEW-1', kind: 'nouvelle', fields: [] },
    ]);
    expect(preview.body.erasedCount).toBe(1);
    expect(preview.body.erased[0].message).toBe('Ligne 3 (AB-2) : la cellule « Objectif » est vide ; la valeur enregistrée « Orientation académique » sera effacée.');
    expect(preview.body.notes.join(' ')).toMatch(/Une cellule vide efface la valeur/);

    const done = await lead.post(`/api/imports/${preview.body.importId}/confirm`);
    expect(done.body).toMatchObject({ created: 1, updated: 2 });
    // No « ab-1 » row next to « AB-1 ».
    expect(t.db.select({ n: count() }).from(mentorships).get()!.n).toBe(3);
    expect(t.db.select().from(mentorships).where(eq(mentorships.reference, 'AB-1')).get()!.startedOn).toBe('2025-10-15');
  });

  it('refuses two lines whose references differ only by case', async () => {
    const lead = await t.loginAs(w.lead);
    const preview = await upload(
      lead,
      await workbook([
        ['Référence', 'Statut', 'Date de début'],
        ['XY-1', 'En cours', '01/10/2025'],
        ['xy-1', 'En cours', '01/10/2025'],
      ]),
    );
    expect(preview.body.canConfirm).toBe(false);
    expect(preview.body.errors[0].message).toMatch(/Ligne 3, .*« xy-1 » figure déjà ligne 2 \(« XY-1 » : les majuscules et minuscules ne distinguent pas deux références\)/);
  });
});

describe('import: a corrected mentor reference', () => {
  it('leaves no ghost mentor behind', async () => {
    const lead = await t.loginAs(w.lead);
    const first = await upload(lead, await workbook([['Référence', 'Statut', 'Date de début', 'Référence mentor'], ['G-1', 'En cours', '01/10/2025', 'MTR-TYPO'], ['G-2', 'En cours', '01/10/2025', 'MTR-2']]));
    await lead.post(`/api/imports/${first.body.importId}/confirm`).expect(200);
    const second = await upload(lead, await workbook([['Référence', 'Statut', 'Date de début', 'Référence mentor'], ['G-1', 'En cours', '01/10/2025', 'MTR-1'], ['G-2', 'En cours', '01/10/2025', 'MTR-2']]));
    expect(second.body.changes[0].fields).toEqual([{ field: 'mentorReference', label: 'Référence mentor', before: 'MTR-TYPO', after: 'MTR-1' }]);
    await lead.post(`/api/imports/${second.body.importId}/confirm`).expect(200);
    const refs = (await lead.get('/api/mentors')).body.rows.map((m: { reference: string }) => m.reference).sort();
    expect(refs).toEqual(['MTR-1', 'MTR-2']);
  });
});

describe('template and export for editing in Excel', () => {
  it('offers a template with the accepted headers and the department’s lists as drop-downs, which imports cleanly', async () => {
    const lead = await t.loginAs(w.lead);
    const wb = await load(await download(lead, '/api/mentorships/template.xlsx'));
    const sheet = wb.getWorksheet('Données')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Référence', 'Sexe', 'Statut', 'Territoire', 'Objectif', 'Motif de clôture', 'Date de début']));
    expect(sheet.rowCount).toBe(1);
    const statusColumn = headers.indexOf('Statut') + 1;
    const validation = sheet.getCell(2, statusColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    const lists = wb.getWorksheet('Listes')!;
    expect(lists.state).toBe('hidden');
    const range = /Listes!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)/.exec(validation.formulae![0] as string)!;
    const offered = lists.getColumn(range[1]!).values.slice(2, Number(range[2]) + 1);
    expect(offered).toEqual(['Candidature', 'En cours', 'Objectif atteint', 'Clôturé', 'Abandonné']);

    // Filled in with values from the drop-downs, the template imports without any mapping.
    sheet.getCell(2, headers.indexOf('Référence') + 1).value = 'T-1';
    sheet.getCell(2, statusColumn).value = 'En cours';
    sheet.getCell(2, headers.indexOf('Date de début') + 1).value = new Date(Date.UTC(2026, 0, 5));
    const preview = await upload(lead, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toMatchObject({ created: 1 });
  });

  it('exports only the rows of the active filters, and says which filters in the file', async () => {
    const base = { departmentId: w.department.id, associationId: w.association.id };
    makeMentorship(t.db, { ...base, reference: 'KEEP-1', startedOn: '2025-10-01' });
    makeMentorship(t.db, { ...base, reference: 'OTHER-1', status: 'candidature', startedOn: null, matchedOn: null, appliedOn: '2025-10-01' });
    const lead = await t.loginAs(w.lead);
    const wb = await load(await download(lead, '/api/mentorships/export.xlsx', { status: 'en_cours', q: 'keep' }));
    const refs = wb.getWorksheet('Données')!.getColumn(1).values.slice(2);
    expect(refs).toEqual(['KEEP-1']);
    const notes = wb.getWorksheet('Explications')!.getColumn(1).values.join(' ');
    expect(notes).toMatch(/Filtres appliqués : référence contenant « keep », statut « En cours »/);
    expect((await lead.get('/api/mentorships/export.xlsx').query({ status: 'ferme' })).status).toBe(400);
  });
});
