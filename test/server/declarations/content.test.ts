import { describe, expect, it } from 'vitest';
import { DeclarationContentSchema, DeclarationDraftSchema, readDeclarationContent, type DeclarationContent } from '../../../server/declarations/content.ts';
import { completeDeclaration } from './fixtures.ts';
import '../../../server/http/validation.ts';

const messages = (value: unknown) => {
  const r = DeclarationContentSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('declaration content: happy path', () => {
  it('accepts a complete declaration with decimal FTE and an optional comment', () => {
    expect(messages(completeDeclaration({ commentaire: 'Année de lancement.' }))).toEqual([]);
  });
});

describe('declaration content: one French message per field', () => {
  const cases: [string, Partial<Record<keyof DeclarationContent, unknown>>, RegExp][] = [
    ['etpSalaries', { etpSalaries: -1 }, /« ETP salariés » ne peut pas être négatif/],
    ['etpBenevoles', { etpBenevoles: 10_001 }, /« ETP bénévoles » ne peut pas dépasser 10.000 ETP/],
    ['etpSalaries', { etpSalaries: 'deux' }, /« ETP salariés » : un nombre \(par exemple 1,5\) est attendu/],
    ['financements.0.montant', { financements: [{ sousProjet: 'mentorat', financeur: 'departement', montant: -5 }] }, /« Montant » ne peut pas être négatif/],
    ['financements.0.sousProjet', { financements: [{ sousProjet: 'cantine', financeur: 'departement', montant: 5 }] }, /mentorat, parrainage ou autre/],
    ['financements.0.financeur', { financements: [{ sousProjet: 'mentorat', financeur: 'etat', montant: 5 }] }, /« Financeur »/],
    ['coutsAnnexes.transport', { coutsAnnexes: { locaux: 0, communication: 0, transport: -3, developpement: 0 } }, /« Coûts annexes — transport » ne peut pas être négatif/],
    ['coutsAnnexes.locaux', { coutsAnnexes: { communication: 0, transport: 0, developpement: 0 } }, /« Coûts annexes — locaux » est à renseigner/],
    ['outils', { outils: ['x'.repeat(201)] }, /« Outils utilisés » : chaque élément fait au plus 200 caractères/],
    ['outils', { outils: Array.from({ length: 501 }, (_, i) => `Outil ${i}`) }, /« Outils utilisés » : au plus 500 éléments/],
    ['structuresContactees', { structuresContactees: 2.5 }, /« Structures de l’ASE contactées \(nombre\) » : un nombre entier est attendu/],
    ['structuresContactees', { structuresContactees: 1 }, /inférieur au nombre de structures listées \(2\)/],
    ['structuresRencontrees', { structuresRencontrees: 13 }, /ne peut pas dépasser le nombre de structures contactées/],
    ['structuresRencontreesListe', { structuresRencontreesListe: ['  '] }, /« Structures de l’ASE rencontrées \(liste\) » : une ligne est vide/],
    ['reunionsDepartement', { reunionsDepartement: -2 }, /« Réunions d’information du département » ne peut pas être négatif/],
    ['actionsSensibilisation', { actionsSensibilisation: null }, /« Actions de sensibilisation » : un nombre est attendu/],
    ['ateliersCollectifs', { ateliersCollectifs: 100_001 }, /« Ateliers collectifs » ne peut pas dépasser/],
    ['projetsComplementaires', { projetsComplementaires: -1 }, /« Projets complémentaires »/],
    ['evenements', { evenements: 'beaucoup' }, /« Événements organisés » : un nombre est attendu/],
    ['commentaire', { commentaire: 'x'.repeat(2001) }, /« Commentaire » : au plus 2000 caractères/],
  ];
  it.each(cases)('%s', (field, override, expected) => {
    const found = messages({ ...completeDeclaration(), ...override });
    expect(found.some((m) => (m.startsWith(`${field}:`) || m.startsWith(`${field}.`)) && expected.test(m)), found.join('\n')).toBe(true);
  });

  it('says which field is missing at submission', () => {
    const { evenements: _e, ...incomplete } = completeDeclaration();
    expect(messages(incomplete)).toEqual(['evenements: « Événements organisés » est à renseigner.']);
  });

  it('refuses an unknown key', () => {
    expect(messages({ ...completeDeclaration(), nom: 'Dupont' })[0]).toMatch(/non reconnue/);
  });
});

describe('drafts and stored content', () => {
  it('accepts a partial draft but still refuses an invalid value in it', () => {
    expect(DeclarationDraftSchema.safeParse({ etpSalaries: 2 }).success).toBe(true);
    expect(DeclarationDraftSchema.safeParse({ etpSalaries: -2 }).success).toBe(false);
  });

  it('reads partial or damaged stored content with safe empty values', () => {
    const read = readDeclarationContent({ etpSalaries: 2.5, evenements: -4, financements: [{ sousProjet: 'mentorat', financeur: 'autres', montant: 10 }, { bad: true }], coutsAnnexes: { locaux: 5, transport: 'x' } });
    expect(read.etpSalaries).toBe(2.5);
    expect(read.evenements).toBe(0);
    expect(read.financements).toEqual([{ sousProjet: 'mentorat', financeur: 'autres', montant: 10 }]);
    expect(read.coutsAnnexes).toEqual({ locaux: 5, communication: 0, transport: 0, developpement: 0 });
    expect(read.structuresContacteesListe).toEqual([]);
    expect(readDeclarationContent(null).outils).toEqual([]);
    expect(readDeclarationContent('texte').etpBenevoles).toBe(0);
  });
});
