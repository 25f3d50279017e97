import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../../server/imports/columns.ts';
import { parseBoolean, parseDate, parseMonth, parseText } from '../../../server/imports/cells.ts';

describe('header matching', () => {
  it('recognises the usual variants whatever accents, case, spacing and punctuation', () => {
    const cases: [string, string | null][] = [
      ['Date de naissance', 'birthMonth'],
      ['Né(e) le', 'birthMonth'],
      ['NEE LE', 'birthMonth'],
      ['date  de   naissance (jj/mm/aaaa)', 'birthMonth'],
      ['Sexe', 'sex'],
      ['Genre', 'sex'],
      ['Sexe (F/H)', 'sex'],
      ['Type de placement', 'placementType'],
      ['type_de_placement', 'placementType'],
      ['Niveau scolaire', 'schoolLevel'],
      ['Groupe niveau scolaire', 'schoolGroup'],
      ['Territoire', 'territory'],
      ['Statut', 'status'],
      ['Date de début', 'startedOn'],
      ['DATE DEBUT', 'startedOn'],
      ['Date de début du binôme', 'startedOn'],
      ['Référence', 'reference'],
      ['N° dossier', 'reference'],
      ['Identifiant', 'reference'],
      ['Nom', 'name'],
      ['Prénom', 'name'],
      ['Nom du mentor', 'name'],
      ['Âge', 'age'],
      ["Tranche d'âge", 'age'],
      ['Référence du mentor', 'mentorReference'],
      ['Motif de clôture', 'closureReason'],
      ['Couleur', null],
      ['', null],
    ];
    for (const [header, expected] of cases) expect(matchHeader(header), header).toBe(expected);
  });
});

describe('cell parsing', () => {
  it('reads typed dates, Excel serial numbers and text dates, refusing impossible ones', () => {
    expect(parseDate(new Date('2008-02-01T00:00:00Z'))).toEqual({ ok: true, value: '2008-02-01' });
    expect(parseDate(45931)).toEqual({ ok: true, value: '2025-10-01' });
    expect(parseDate('1/2/2008')).toEqual({ ok: true, value: '2008-02-01' });
    expect(parseDate('01.02.2008')).toEqual({ ok: true, value: '2008-02-01' });
    expect(parseDate(' 2008-02-01 ')).toEqual({ ok: true, value: '2008-02-01' });
    expect(parseDate('31/02/2008')).toEqual({ ok: false, reason: 'n’est pas une date valide' });
    expect(parseDate('01/02/08')).toMatchObject({ ok: false, reason: expect.stringMatching(/deux chiffres/) });
    expect(parseDate('demain')).toMatchObject({ ok: false });
    expect(parseDate({ error: '#N/A' })).toMatchObject({ ok: false, reason: expect.stringMatching(/#N\/A/) });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
  });

  it('keeps only the birth month', () => {
    expect(parseMonth('12/04/2009')).toEqual({ ok: true, value: '2009-04' });
    expect(parseMonth('04/2009')).toEqual({ ok: true, value: '2009-04' });
    expect(parseMonth('2009-04')).toEqual({ ok: true, value: '2009-04' });
    expect(parseMonth('13/2009')).toMatchObject({ ok: false });
  });

  it('reads references and yes/no, and strips the apostrophe that neutralised a formula', () => {
    expect(parseText("'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(parseText('  J  12 ')).toEqual({ ok: true, value: 'J 12' });
    expect(parseText(42)).toEqual({ ok: true, value: '42' });
    expect(parseBoolean('Oui')).toEqual({ ok: true, value: true });
    expect(parseBoolean('x')).toEqual({ ok: true, value: true });
    expect(parseBoolean('Nouveau')).toEqual({ ok: true, value: false });
    expect(parseBoolean('peut-être')).toMatchObject({ ok: false });
  });
});
