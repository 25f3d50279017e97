import { z } from 'zod';

/**
 * The yearly declaration (Ressources and Activités of the value chain). The keys are shared with the demo seed
 * and the reports: rename none of them without a data migration.
 */

export const SOUS_PROJETS = ['mentorat', 'parrainage', 'autre'] as const;
export const FINANCEURS = ['departement', 'autres'] as const;

export const MAX_FTE = 10_000;
export const MAX_COUNT = 100_000;
export const MAX_AMOUNT = 100_000_000;
export const MAX_LIST = 500;
export const MAX_TEXT = 200;
export const MAX_COMMENT = 2_000;

/** Labels used in every message, so the lead reads the name of the field as shown on the form. */
export const FIELD_LABELS = {
  etpSalaries: 'ETP salariés',
  etpBenevoles: 'ETP bénévoles',
  financements: 'Financements',
  'financements.sousProjet': 'Sous-projet financé',
  'financements.financeur': 'Financeur',
  'financements.montant': 'Montant',
  coutsAnnexes: 'Coûts annexes',
  'coutsAnnexes.locaux': 'Coûts annexes — locaux',
  'coutsAnnexes.communication': 'Coûts annexes — communication',
  'coutsAnnexes.transport': 'Coûts annexes — transport',
  'coutsAnnexes.developpement': 'Coûts annexes — développement',
  outils: 'Outils utilisés',
  structuresContactees: 'Structures de l’ASE contactées (nombre)',
  structuresRencontrees: 'Structures de l’ASE rencontrées (nombre)',
  structuresContacteesListe: 'Structures de l’ASE contactées (liste)',
  structuresRencontreesListe: 'Structures de l’ASE rencontrées (liste)',
  reunionsDepartement: 'Réunions d’information du département',
  actionsSensibilisation: 'Actions de sensibilisation',
  ateliersCollectifs: 'Ateliers collectifs',
  projetsComplementaires: 'Projets complémentaires',
  evenements: 'Événements organisés',
  commentaire: 'Commentaire',
} as const;

/** Type errors name the field; a missing field says "à renseigner" (submission checks the complete form). */
const typeError = (label: string, expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `« ${label} » est à renseigner.` : `« ${label} » : ${expected} est attendu.`),
});

const fte = (label: string) =>
  z
    .number(typeError(label, 'un nombre (par exemple 1,5)'))
    .min(0, { error: `« ${label} » ne peut pas être négatif.` })
    .max(MAX_FTE, { error: `« ${label} » ne peut pas dépasser ${MAX_FTE.toLocaleString('fr-FR')} ETP.` });

const euros = (label: string) =>
  z
    .number(typeError(label, 'un montant en euros'))
    .min(0, { error: `« ${label} » ne peut pas être négatif.` })
    .max(MAX_AMOUNT, { error: `« ${label} » ne peut pas dépasser ${MAX_AMOUNT.toLocaleString('fr-FR')} €.` });

const count = (label: string) =>
  z
    .number(typeError(label, 'un nombre'))
    .int({ error: `« ${label} » : un nombre entier est attendu.` })
    .min(0, { error: `« ${label} » ne peut pas être négatif.` })
    .max(MAX_COUNT, { error: `« ${label} » ne peut pas dépasser ${MAX_COUNT.toLocaleString('fr-FR')}.` });

const shortText = (label: string) =>
  z
    .string(typeError(label, 'un texte'))
    .trim()
    .min(1, { error: `« ${label} » : une ligne est vide.` })
    .max(MAX_TEXT, { error: `« ${label} » : chaque élément fait au plus ${MAX_TEXT} caractères.` });

const textList = (label: string) =>
  z
    .array(shortText(label), typeError(label, 'une liste'))
    .max(MAX_LIST, { error: `« ${label} » : au plus ${MAX_LIST} éléments.` });

const Financement = z.strictObject({
  sousProjet: z.enum(SOUS_PROJETS, { error: `« ${FIELD_LABELS['financements.sousProjet']} » : choisissez mentorat, parrainage ou autre.` }),
  financeur: z.enum(FINANCEURS, { error: `« ${FIELD_LABELS['financements.financeur']} » : choisissez le département ou autres partenaires.` }),
  montant: euros(FIELD_LABELS['financements.montant']),
});

const CoutsAnnexes = z.strictObject(
  {
    locaux: euros(FIELD_LABELS['coutsAnnexes.locaux']),
    communication: euros(FIELD_LABELS['coutsAnnexes.communication']),
    transport: euros(FIELD_LABELS['coutsAnnexes.transport']),
    developpement: euros(FIELD_LABELS['coutsAnnexes.developpement']),
  },
  typeError(FIELD_LABELS.coutsAnnexes, 'un ensemble de quatre montants'),
);

const fields = {
  etpSalaries: fte(FIELD_LABELS.etpSalaries),
  etpBenevoles: fte(FIELD_LABELS.etpBenevoles),
  financements: z
    .array(Financement, typeError(FIELD_LABELS.financements, 'une liste'))
    .max(MAX_LIST, { error: `« ${FIELD_LABELS.financements} » : au plus ${MAX_LIST} lignes.` }),
  coutsAnnexes: CoutsAnnexes,
  outils: textList(FIELD_LABELS.outils),
  structuresContactees: count(FIELD_LABELS.structuresContactees),
  structuresRencontrees: count(FIELD_LABELS.structuresRencontrees),
  structuresContacteesListe: textList(FIELD_LABELS.structuresContacteesListe),
  structuresRencontreesListe: textList(FIELD_LABELS.structuresRencontreesListe),
  reunionsDepartement: count(FIELD_LABELS.reunionsDepartement),
  actionsSensibilisation: count(FIELD_LABELS.actionsSensibilisation),
  ateliersCollectifs: count(FIELD_LABELS.ateliersCollectifs),
  projetsComplementaires: count(FIELD_LABELS.projetsComplementaires),
  evenements: count(FIELD_LABELS.evenements),
  commentaire: z
    .string(typeError(FIELD_LABELS.commentaire, 'un texte'))
    .trim()
    .max(MAX_COMMENT, { error: `« ${FIELD_LABELS.commentaire} » : au plus ${MAX_COMMENT} caractères.` })
    .optional(),
};

/** The complete declaration, as checked at submission. */
export const DeclarationContentSchema = z.strictObject(fields).superRefine((c, ctx) => coherence(c, ctx));

/** A draft: any field may still be missing, but what is there must already be valid (no negative amount stored). */
export const DeclarationDraftSchema = z.strictObject(fields).partial().superRefine((c, ctx) => coherence(c, ctx));

export type DeclarationContent = z.infer<typeof DeclarationContentSchema>;
export type DeclarationDraft = z.infer<typeof DeclarationDraftSchema>;

function coherence(c: Partial<DeclarationContent>, ctx: z.RefinementCtx) {
  const pairs = [
    ['structuresContacteesListe', 'structuresContactees'],
    ['structuresRencontreesListe', 'structuresRencontrees'],
  ] as const;
  for (const [list, total] of pairs) {
    const items = c[list];
    const n = c[total];
    if (items && n !== undefined && items.length > n) {
      ctx.addIssue({ code: 'custom', path: [total], message: `« ${FIELD_LABELS[total]} » (${n}) est inférieur au nombre de structures listées (${items.length}).` });
    }
  }
  if (c.structuresRencontrees !== undefined && c.structuresContactees !== undefined && c.structuresRencontrees > c.structuresContactees) {
    ctx.addIssue({
      code: 'custom',
      path: ['structuresRencontrees'],
      message: `« ${FIELD_LABELS.structuresRencontrees} » ne peut pas dépasser le nombre de structures contactées.`,
    });
  }
}

const EMPTY: DeclarationContent = {
  etpSalaries: 0,
  etpBenevoles: 0,
  financements: [],
  coutsAnnexes: { locaux: 0, communication: 0, transport: 0, developpement: 0 },
  outils: [],
  structuresContactees: 0,
  structuresRencontrees: 0,
  structuresContacteesListe: [],
  structuresRencontreesListe: [],
  reunionsDepartement: 0,
  actionsSensibilisation: 0,
  ateliersCollectifs: 0,
  projetsComplementaires: 0,
  evenements: 0,
};

/**
 * Reads stored content that may be partial (a draft, an older shape, the demo seed) without throwing:
 * each field is kept when valid, otherwise replaced by its empty value (0, [], zero costs). Reports use it.
 */
export function readDeclarationContent(raw: unknown): DeclarationContent {
  const source = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...EMPTY, coutsAnnexes: { ...EMPTY.coutsAnnexes } };
  for (const [key, schema] of Object.entries(fields)) {
    if (!(key in source)) continue;
    const parsed = (schema as z.ZodType).safeParse(source[key]);
    if (parsed.success) {
      out[key] = parsed.data;
    } else if (key === 'financements' && Array.isArray(source[key])) {
      // Keep the valid funding lines of a list where one line is broken.
      out[key] = (source[key] as unknown[]).flatMap((line) => {
        const one = Financement.safeParse(line);
        return one.success ? [one.data] : [];
      });
    } else if (key === 'coutsAnnexes' && source[key] && typeof source[key] === 'object') {
      const costs = source[key] as Record<string, unknown>;
      out[key] = Object.fromEntries(
        Object.keys(EMPTY.coutsAnnexes).map((k) => {
          const one = euros(k).safeParse(costs[k]);
          return [k, one.success ? one.data : 0];
        }),
      );
    }
  }
  if (out.commentaire === undefined) delete out.commentaire;
  return out as DeclarationContent;
}

/** An empty declaration to start a form from. */
export const emptyDeclaration = (): DeclarationContent => readDeclarationContent({});
