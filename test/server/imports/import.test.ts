import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { mentors, mentorships, youngPeople } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship } from '../../support/factories.ts';
import { importWorld, upload, utc, workbook } from './helpers.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof importWorld>>;
beforeEach(async () => {
  t = testApp();
  w = await importWorld(t);
});
afterEach(() => t.dispose());

const countMentorships = () => t.db.select({ n: count() }).from(mentorships).get()!.n;

/** The file an association really keeps: instructions row, odd headers, names, typed and text dates, a formula. */
async function messyFile(overrides: { badDate?: boolean; unknownSex?: boolean } = {}) {
  return workbook([
    ['Nom du bénéficiaire', 'Prénom', ' N° dossier ', 'SEXE', 'Né(e) le', 'Âge', 'niveau  scolaire', 'Groupe niveau scolaire', 'Type de placement', 'Territoire', 'Statut', 'Date de début', 'Date de fin', 'Motif de clôture', 'Mentor', 'Objectif', 'Modalités', 'Couleur préférée'],
    ['[Zone de texte]', '[Zone de texte]', '[Texte]', '[Liste déroulante fixe]', '[A remplir au format jj/mm/aaaa]'],
    ['Martin', 'Léa', 'J-001', 'Femme', utc('2008-02-01'), 17, 'Quatrième', 'Collège', 'MECS associatives', 'Territoire Nord', 'En cours', utc('2025-10-01'), null, null, 'M-01', 'Soutien scolaire', 'Présentiel', 'bleu'],
    ['Dupont', 'Nathan', '  J-002 ', 'm', overrides.badDate ? '31/02/2008' : '04/07/2006', 19, '  seconde ', 'Lycée', 'saf en regie', 'nord', 'en cours', '15/09/2025', '', null, 'M-02', 'orientation academique', 'distanciel', null],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ['Lefevre', 'Emilie', 'J-003', overrides.unknownSex ? 'Z' : 'féminin', { formula: 'DATE(2007,1,1)', result: utc('2007-01-01') }, { formula: 'DATEDIF(E6,TODAY(),"y")', result: 19 }, '6e', 'Collège', 'MNA', 'Territoire Sud', 'Clôturé', 45722, '2026-03-31', 'Déménagement', 'M-01', 'Insertion professionnelle', 'Mixte', null],
    ['Lambert', 'Alexandre', 'J-004', 'H', '2010-07-04', 13, 'CM2', 'Primaire', 'Milieu ouvert', null, 'Candidature', null, null, null, null, null, null, null],
    ['Seul', 'Un nom', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ]);
}

describe('Excel import: preview', () => {
  it('recognises odd headers, ignores names and recomputed columns, and reads typed, text and formula cells', async () => {
    const lead = await t.loginAs(w.lead);
    const res = await upload(lead, await messyFile());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body;
    expect(p.sheetName).toBe('Données');
    const target = (header: string) => p.columns.find((c: { header: string }) => c.header.trim() === header.trim())?.target;
    expect(target(' N° dossier ')).toBe('reference');
    expect(target('SEXE')).toBe('sex');
    expect(target('Né(e) le')).toBe('birthMonth');
    expect(target('niveau  scolaire')).toBe('schoolLevel');
    expect(target('Modalités')).toBe('modality');
    expect(target('Nom du bénéficiaire')).toBe('name');
    expect(target('Âge')).toBe('age');
    expect(target('Couleur préférée')).toBeNull();
    expect(p.ignoredColumns.names).toEqual(['Nom du bénéficiaire', 'Prénom']);
    expect(p.ignoredColumns.unknown).toEqual(['Couleur préférée']);
    expect(p.notes.join(' ')).toMatch(/noms et prénoms\) ont été ignorées/);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0 });
    expect(p.counts.skipped).toBe(2); // the instructions row and the line with only a name
    expect(p.canConfirm).toBe(true);
    expect(countMentorships()).toBe(0); // a preview writes nothing
  });

  it('lists errors per row and column in French, and refuses to confirm', async () => {
    const lead = await t.loginAs(w.lead);
    const res = await upload(lead, await messyFile({ badDate: true, unknownSex: true }));
    expect(res.status).toBe(201);
    const messages: string[] = res.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('Ligne 4, colonne « Né(e) le » : « 31/02/2008 » n’est pas une date valide.');
    expect(messages.find((m) => m.startsWith('Ligne 6, colonne « SEXE » : « Z » ne correspond à aucune valeur'))).toMatch(/Femme, Homme/);
    expect(res.body.canConfirm).toBe(false);
    const confirm = await lead.post(`/api/imports/${res.body.importId}/confirm`);
    expect(confirm.status).toBe(400);
    expect(confirm.body.error.message).toMatch(/rien n’a été importé/);
    expect(countMentorships()).toBe(0);
  });

  it('checks the dates’ order and the status against the dates, naming the column', async () => {
    const lead = await t.loginAs(w.lead);
    const file = await workbook([
      ['Référence', 'Statut', 'Date de candidature', 'Date de mise en relation', 'Date de début', 'Date de fin'],
      ['A-1', 'En cours', '10/09/2025', '01/09/2025', '20/09/2025', null],
      ['A-2', 'En cours', null, null, null, null],
      ['A-3', 'Clôturé', null, null, '01/01/2026', '01/12/2025'],
      ['A-4', 'En cours', null, null, '01/01/2030', null],
      ['A-5', 'Perdu de vue ?', null, null, '01/01/2026', null],
      ['A-5', 'En cours', null, null, '01/01/2026', null],
    ]);
    const res = await upload(lead, file);
    const messages: string[] = res.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual([
      'Ligne 2, colonne « Date de mise en relation » : La mise en relation (01/09/2025) ne peut pas précéder la candidature (10/09/2025).',
      'Ligne 3, colonne « Date de début » : La date de début est obligatoire pour un mentorat en cours.',
      'Ligne 4, colonne « Date de fin » : La fin (01/12/2025) ne peut pas précéder le début ou la mise en relation (01/01/2026).',
      'Ligne 5, colonne « Date de début » : La date ne peut pas être dans le futur.',
      expect.stringMatching(/^Ligne 6, colonne « Statut » : « Perdu de vue \? » n’est pas un statut connu/),
      'Ligne 7, colonne « Référence » : la référence « A-5 » figure déjà ligne 6.',
    ]);
    expect(res.body.counts.rows).toBe(6);
  });

  it('refuses a file without a reference column instead of deriving one from names, then accepts the user’s mapping', async () => {
    const lead = await t.loginAs(w.lead);
    const file = await workbook([
      ['Nom', 'Prénom', 'Code interne', 'Sexe', 'Date de début', 'Statut'],
      ['Martin', 'Léa', 'X-1', 'F', '01/10/2025', 'En cours'],
    ]);
    const res = await upload(lead, file);
    expect(res.status).toBe(201);
    expect(res.body.blocking).toMatch(/pas de colonne « Référence »/);
    expect(res.body.canConfirm).toBe(false);
    expect((await lead.post(`/api/imports/${res.body.importId}/confirm`)).status).toBe(400);
    // A names column can never become the reference.
    const names = await lead.post(`/api/imports/${res.body.importId}/mapping`).send({ mapping: { '1': 'reference' } });
    expect(names.body.blocking).toMatch(/pas de colonne « Référence »/);
    const mapped = await lead.post(`/api/imports/${res.body.importId}/mapping`).send({ mapping: { '3': 'reference' } });
    expect(mapped.status).toBe(200);
    expect(mapped.body.blocking).toBeNull();
    expect(mapped.body.canConfirm).toBe(true);
    const done = await lead.post(`/api/imports/${res.body.importId}/confirm`);
    expect(done.status).toBe(200);
    expect(done.body.created).toBe(1);
    expect(done.body.message).toMatch(/« Nom », « Prénom » \(noms et prénoms\) ont été ignorées/);
    const stored = t.db.select().from(mentorships).get()!;
    expect(stored.reference).toBe('X-1');
    expect(JSON.stringify(t.db.select().from(youngPeople).all())).not.toMatch(/Martin|Léa/);
  });
});

describe('Excel import: confirm', () => {
  it('writes every row, keeps only the birth month, and re-importing updates by reference without duplicates', async () => {
    const lead = await t.loginAs(w.lead);
    const first = await upload(lead, await messyFile());
    const done = await lead.post(`/api/imports/${first.body.importId}/confirm`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
    expect(countMentorships()).toBe(4);
    const j2 = t.db.select().from(youngPeople).where(eq(youngPeople.reference, 'J-002')).get()!;
    expect(j2).toMatchObject({ sex: 'H', birthMonth: '2006-07', schoolLevel: '2NDE', placementType: 'SAF_REGIE' });
    const j3 = t.db.select().from(mentorships).where(eq(mentorships.reference, 'J-003')).get()!;
    expect(j3).toMatchObject({ status: 'cloture', endedOn: '2026-03-31', closureReason: 'demenagement', startedOn: '2025-03-06', modality: 'mixte' });
    expect(t.db.select({ n: count() }).from(mentors).get()!.n).toBe(2);

    // Second import: one change, the rest identical.
    const again = await upload(
      lead,
      await workbook([
        ['Référence', 'Sexe', 'Date de naissance', 'Statut', 'Date de début'],
        ['J-001', 'F', '01/02/2008', 'En cours', '01/10/2025'],
        ['J-002', 'H', '04/07/2006', 'En cours', '16/09/2025'],
      ]),
    );
    expect(again.body.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const second = await lead.post(`/api/imports/${again.body.importId}/confirm`);
    expect(second.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(countMentorships()).toBe(4);
    const j2b = t.db.select().from(mentorships).where(eq(mentorships.reference, 'J-002')).get()!;
    expect(j2b.startedOn).toBe('2025-09-16');
    expect(j2b.objective).toBe('orientation'); // a column absent from the file keeps its value
    expect(j2b.mentorId).not.toBeNull();
    // A confirmed preview cannot be applied twice.
    expect((await lead.post(`/api/imports/${again.body.importId}/confirm`)).status).toBe(404);
  });

  it('writes nothing when the data changed since the preview and a row became invalid', async () => {
    const lead = await t.loginAs(w.lead);
    const preview = await upload(
      lead,
      await workbook([
        ['Référence', 'Statut', 'Date de début'],
        ['B-1', 'En cours', '01/10/2025'],
        ['B-2', 'En cours', '01/10/2025'],
      ]),
    );
    expect(preview.body.canConfirm).toBe(true);
    // Meanwhile B-2 was closed on the platform: the file would reopen it.
    makeMentorship(t.db, { departmentId: w.department.id, associationId: w.association.id, reference: 'B-2', status: 'cloture', endedOn: '2026-01-10' });
    const res = await lead.post(`/api/imports/${preview.body.importId}/confirm`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Ligne 3, colonne « Statut » : ce mentorat est terminé sur la plateforme/);
    expect(countMentorships()).toBe(1);
    expect(t.db.select().from(mentorships).where(eq(mentorships.reference, 'B-1')).get()).toBeUndefined();
  });

  it('keeps previews private: another association, the department and a stranger id get nothing', async () => {
    const lead = await t.loginAs(w.lead);
    const preview = await upload(lead, await workbook([['Référence', 'Statut', 'Date de début'], ['C-1', 'En cours', '01/10/2025']]));
    const other = await t.loginAs(w.otherLead);
    expect((await other.post(`/api/imports/${preview.body.importId}/confirm`)).status).toBe(404);
    const evaluator = await t.loginAs(w.evaluator);
    expect((await evaluator.post(`/api/imports/${preview.body.importId}/confirm`)).status).toBe(403);
    expect((await upload(evaluator, await workbook([['Référence', 'Statut'], ['C-2', 'Candidature']]))).status).toBe(403);
    expect((await lead.post('/api/imports/pas-un-id/confirm')).status).toBe(400);
    expect(countMentorships()).toBe(0);
    // The rows land in the uploader's association only.
    await lead.post(`/api/imports/${preview.body.importId}/confirm`).expect(200);
    expect(t.db.select().from(mentorships).get()!.associationId).toBe(w.association.id);
  });

  it('uses the first sheet with recognisable headers when there is no « Données » sheet', async () => {
    const lead = await t.loginAs(w.lead);
    const file = await workbook(
      [
        [],
        ['Suivi des mentorats 2026'],
        ['Identifiant', 'Genre', 'Date début', 'État'],
        [101, 'Fille', 45931, 'actif'],
      ],
      { sheet: 'Feuil2', before: (wb) => wb.addWorksheet('Explications').addRow(['Ce fichier explique…']) },
    );
    const res = await upload(lead, file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sheetName).toBe('Feuil2');
    expect(res.body.headerRow).toBe(3);
    expect(res.body.errors).toEqual([]);
    await lead.post(`/api/imports/${res.body.importId}/confirm`).expect(200);
    expect(t.db.select().from(mentorships).get()).toMatchObject({ reference: '101', startedOn: '2025-10-01', status: 'en_cours' });
  });
});
