import type { ListKind } from '../../db/schema/index.ts';

export interface DefaultListValue {
  code: string;
  label: string;
  groupLabel?: string;
}

/**
 * The "Paramètres figés" of the seed's Excel model, as defaults a department can adapt. Codes are stable
 * identifiers (imports and reports use them); labels are what people read and may be renamed.
 */
export const DEFAULT_LISTS: Record<ListKind, DefaultListValue[]> = {
  sexe: [
    { code: 'F', label: 'Femme' },
    { code: 'H', label: 'Homme' },
    { code: 'NP', label: 'Non précisé' },
  ],
  niveau_scolaire: [
    { code: 'CP', label: 'CP', groupLabel: 'Primaire' },
    { code: 'CE1', label: 'CE1', groupLabel: 'Primaire' },
    { code: 'CE2', label: 'CE2', groupLabel: 'Primaire' },
    { code: 'CM1', label: 'CM1', groupLabel: 'Primaire' },
    { code: 'CM2', label: 'CM2', groupLabel: 'Primaire' },
    { code: '6E', label: 'Sixième', groupLabel: 'Collège' },
    { code: '5E', label: 'Cinquième', groupLabel: 'Collège' },
    { code: '4E', label: 'Quatrième', groupLabel: 'Collège' },
    { code: '3E', label: 'Troisième', groupLabel: 'Collège' },
    { code: '2NDE', label: 'Seconde', groupLabel: 'Lycée' },
    { code: '1RE', label: 'Première', groupLabel: 'Lycée' },
    { code: 'TLE', label: 'Terminale', groupLabel: 'Lycée' },
    { code: 'CAP', label: 'CAP / BEP', groupLabel: 'Lycée' },
    { code: 'POSTBAC', label: 'Post-bac', groupLabel: 'Post-bac' },
    { code: 'DESCO', label: 'Déscolarisé·e', groupLabel: 'Hors scolarité' },
  ],
  type_placement: [
    { code: 'MECS_ASSO', label: 'MECS associatives' },
    { code: 'SAF_REGIE', label: 'SAF en régie' },
    { code: 'SAF_ASSO', label: 'SAF associatif' },
    { code: 'MNA', label: 'MNA' },
    { code: 'STRUCT_BS', label: 'Structures BS' },
    { code: 'MILIEU_OUVERT', label: 'Milieu ouvert' },
  ],
  objectif: [
    { code: 'soutien_scolaire', label: 'Soutien scolaire' },
    { code: 'orientation', label: 'Orientation académique' },
    { code: 'insertion_pro', label: 'Insertion professionnelle' },
    { code: 'socio_affectif', label: 'Soutien socio-affectif / ouverture socio-culturelle' },
  ],
  modalite: [
    { code: 'presentiel', label: 'Présentiel' },
    { code: 'distanciel', label: 'Distanciel' },
    { code: 'mixte', label: 'Mixte' },
  ],
  // The seed insists: stops caused by the pair are not the same as an objective not reached.
  motif_cloture: [
    { code: 'objectif_atteint', label: 'Objectif atteint', groupLabel: 'atteint' },
    { code: 'fin_prevue', label: 'Fin prévue du mentorat', groupLabel: 'atteint' },
    { code: 'dispo_mentor', label: 'Manque de disponibilité du mentor', groupLabel: 'binome' },
    { code: 'dispo_jeune', label: 'Manque de disponibilité du jeune', groupLabel: 'binome' },
    { code: 'demenagement', label: 'Déménagement', groupLabel: 'binome' },
    { code: 'changement_placement', label: 'Changement de placement', groupLabel: 'binome' },
    { code: 'perte_contact', label: 'Perte de contact', groupLabel: 'binome' },
    { code: 'mesentente', label: 'Mésentente dans le binôme', groupLabel: 'binome' },
    { code: 'objectif_non_atteint', label: 'Objectif non atteint (pas de progrès)', groupLabel: 'objectif' },
    { code: 'objectif_inadapte', label: 'Objectif inadapté ou qui a changé', groupLabel: 'objectif' },
  ],
};

export const DEFAULT_TERRITORIES = ['Territoire Nord', 'Territoire Sud', 'Territoire Est', 'Territoire Ouest'];
