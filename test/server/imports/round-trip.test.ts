import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { listValues, mentorships, youngPeople } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship } from '../../support/factories.ts';
import { downloadFile, importWorld, upload, XLSX } from './helpers.ts';
import { seedDemo } from '../../../db/seed/demo-data.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof importWorld>>;
beforeEach(async () => {
  t = testApp();
  w = await importWorld(t);
});
afterEach(() => t.dispose());

type Agent = Awaited<ReturnType<TestApp['loginAs']>>;
async function download(agent: Agent): Promise<Buffer> {
  const res = await downloadFile(agent, '/api/mentorships/export.xlsx');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="?tableau-de-pilotage-\d{4}-\d{2}-\d{2}\.xlsx"?/);
  return res.body as Buffer;
}

async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.getWorksheet('Données')!;
}

function seedRows() {
  const base = { departmentId: w.department.id, associationId: w.association.id };
  makeMentorship(t.db, { ...base, reference: 'J-1', territoryId: w.territories[0]!.id, isRenewal: true });
  makeMentorship(t.db, { ...base, reference: 'J-2', status: 'cloture', endedOn: '2026-02-01', closureReason: 'dispo_mentor', modality: 'distanciel' });
  makeMentorship(t.db, { ...base, reference: 'J-3', status: 'candidature', matchedOn: null, startedOn: null, mentorId: null, objective: null, sex: 'NP', birthMonth: '2009-12' });
  // A reference an attacker typed to become a formula in the department's spreadsheet.
  makeMentorship(t.db, { ...base, reference: '=HYPERLINK("http://x.example","clic")', status: 'abandonne', endedOn: '2026-01-05', closureReason: 'perte_contact' });
  // A value retired since: the old row keeps it, and the round trip too.
  const retired = makeMentorship(t.db, { ...base, reference: 'J-5', objective: 'orientation' });
  t.db.update(listValues).set({ retiredAt: new Date() }).where(and(eq(listValues.departmentId, w.department.id), eq(listValues.code, 'orientation'))).run();
  makeMentorship(t.db, { departmentId: w.department.id, associationId: w.other.id, reference: 'AUTRE-1' });
  return { retired };
}

describe('Excel export and round trip', () => {
  it('re-importing the association’s export changes nothing', async () => {
    seedRows();
    const before = t.db.select().from(mentorships).all();
    const lead = await t.loginAs(w.lead);
    const file = await download(lead);
    const sheet = await sheetOf(file);
    expect(sheet.rowCount).toBe(6); // header + its 5 rows, never the other association's
    const preview = await upload(lead, file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.ignoredColumns.unknown).toEqual([]);
    expect(preview.body.counts).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 5 });
    const done = await lead.post(`/api/imports/${preview.body.importId}/confirm`);
    expect(done.body).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const after = t.db.select().from(mentorships).all();
    expect(after.map(({ updatedAt: _u, ...r }) => r)).toEqual(before.map(({ updatedAt: _u, ...r }) => r));
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    seedRows();
    const lead = await t.loginAs(w.lead);
    const sheet = await sheetOf(await download(lead));
    const references = sheet.getColumn(1).values.slice(2) as unknown[];
    const injected = references.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(injected).toBe('\'=HYPERLINK("http://x.example","clic")');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
      }),
    );
  });

  it('exports real dates, labels and the birth month only, with the import’s headers', async () => {
    seedRows();
    const lead = await t.loginAs(w.lead);
    const sheet = await sheetOf(await download(lead));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['Référence', 'Sexe', 'Mois de naissance', 'Âge', 'Niveau scolaire', 'Groupe niveau scolaire', 'Type de placement', 'Territoire', 'Statut', 'Référence mentor', 'Date de formation du mentor', 'Date de candidature', 'Date de mise en relation', 'Date de début', 'Date de fin', 'Objectif', 'Modalité', 'Renouvellement', 'Motif de clôture']);
    let j1: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'J-1') j1 = (row.values as unknown[]).slice(1);
    });
    expect(j1[0]).toBe('J-1');
    expect(j1[1]).toBe('Femme');
    expect(j1[2]).toBe('03/2010');
    expect(j1[4]).toBe('Quatrième');
    expect(j1[5]).toBe('Collège');
    expect(j1[13]).toEqual(new Date('2025-10-01T00:00:00Z'));
    expect(j1[17]).toBe('Oui');
  });

  it('gives the department the consolidated rows with an association column, and refuses them in another association', async () => {
    seedRows();
    const evaluator = await t.loginAs(w.evaluator);
    const file = await download(evaluator);
    const sheet = await sheetOf(file);
    expect(sheet.getRow(1).getCell(2).value).toBe('Association');
    expect(sheet.rowCount).toBe(7);
    const lead = await t.loginAs(w.lead);
    const preview = await upload(lead, file);
    expect(preview.body.errors).toHaveLength(1);
    expect(preview.body.errors[0].message).toMatch(/^Ligne \d, colonne « Association » : cette ligne appartient à « Association \d+ », pas à votre association/);
    expect(t.db.select().from(youngPeople).where(eq(youngPeople.reference, 'AUTRE-1')).all()).toHaveLength(1);
  });

  it('round-trips the demo association’s whole steering table unchanged', async () => {
    // The demo generator spreads applications up to September of the current year: seed it as of late November.
    t.setNow(new Date('2026-11-26T10:00:00Z'));
    const demo = await seedDemo(t.database, { config: t.ctx.config, logger: t.ctx.logger, now: t.ctx.now(), openLinks: { youth: 0, mentor: 0 } });
    const login = demo.logins.find((l) => l.role === 'responsable_association')!;
    const lead = await t.loginAs(login);
    const preview = await upload(lead, await download(lead));
    expect(preview.body.errors, JSON.stringify(preview.body.errors.slice(0, 3))).toEqual([]);
    expect(preview.body.counts.created + preview.body.counts.updated).toBe(0);
    expect(preview.body.counts.unchanged).toBe(70);
  });
});
