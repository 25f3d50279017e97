import type { DeclarationContent } from '../../../server/declarations/content.ts';

/** A valid, complete declaration; tests override one field at a time. */
export function completeDeclaration(overrides: Partial<DeclarationContent> = {}): DeclarationContent {
  return {
    etpSalaries: 1.5,
    etpBenevoles: 4.2,
    financements: [
      { sousProjet: 'mentorat', financeur: 'departement', montant: 45_000 },
      { sousProjet: 'parrainage', financeur: 'autres', montant: 8_000 },
    ],
    coutsAnnexes: { locaux: 6_000, communication: 1_500, transport: 2_000, developpement: 0 },
    outils: ['CRM associatif'],
    structuresContactees: 12,
    structuresRencontrees: 5,
    structuresContacteesListe: ['MECS Les Tilleuls', 'SAF Nord'],
    structuresRencontreesListe: ['MECS Les Tilleuls'],
    reunionsDepartement: 3,
    actionsSensibilisation: 2,
    ateliersCollectifs: 6,
    projetsComplementaires: 1,
    evenements: 4,
    ...overrides,
  };
}
