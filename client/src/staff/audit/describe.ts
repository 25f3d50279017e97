/**
 * The audit trail in plain French: what the administrator reads instead of stored codes (`mentorship:12`,
 * `crees : 3`, `POST /api/users`), with times in Paris.
 */

export interface AuditEntryView {
  action: string;
  target: string | null;
  targetLabel: string | null;
  details: Record<string, string | number | boolean | null> | null;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'medium' });
/** « 4 décembre 2026 à 07:23:10 », heure de Paris (heure d’été comprise). */
export const parisDateTime = (iso: string) => PARIS.format(new Date(iso));

const ROLES: Record<string, string> = {
  admin: 'administration du département',
  evaluateur: 'chargé·e de mission',
  responsable_association: 'responsable reporting d’association',
};
const AUDIENCES: Record<string, string> = { youth: 'jeune', mentor: 'mentor' };

/** Detail keys written by the server’s audit() calls, in French words. */
const DETAIL_LABELS: Record<string, string> = {
  crees: 'ajoutés',
  modifies: 'mis à jour',
  inchanges: 'inchangés',
  lignes: 'lignes',
  consolide: 'fichier consolidé',
  filtres: 'filtres appliqués',
  motif: 'motif',
  limite: 'limite atteinte par',
  role: 'rôle',
  ancien: 'ancien rôle',
  nouveau: 'nouveau rôle',
  association: 'association n°',
  audience: 'destinataire',
  via: 'par',
  nombre: 'nombre',
  cles: 'indicateurs clés',
  optionnels: 'indicateurs complémentaires',
  liensSupprimes: 'liens supprimés',
  liensEffaces: 'liens effacés',
  mentoratsAnonymises: 'mentorats anonymisés',
  jeunesAnonymises: 'jeunes anonymisés',
  mentorships: 'mentorats',
  young_people: 'jeunes',
  links: 'liens',
  responses: 'réponses',
  indicator_values: 'valeurs d’indicateurs',
  rhythm: 'rythme',
  dueDay: 'jour d’échéance',
  reminderDays: 'rappel (jours avant)',
};

const METHODS: Record<string, string> = { GET: 'consulter', POST: 'envoyer', PUT: 'enregistrer', PATCH: 'modifier', DELETE: 'supprimer' };

function value(key: string, v: string | number | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (key === 'role' || key === 'ancien' || key === 'nouveau') return ROLES[String(v)] ?? String(v);
  if (key === 'audience') return AUDIENCES[String(v)] ?? String(v);
  if (key === 'limite') return v === 'compte' ? 'le compte' : v === 'adresse' ? 'l’adresse IP' : String(v);
  return String(v);
}

/** The entry's target in words: a staff e-mail, « mentorat n° 12 », « POST /api/users » → « envoyer /api/users ». */
export function describeTarget(e: AuditEntryView): string {
  if (e.targetLabel) return e.targetLabel;
  const t = e.target;
  if (!t) return '—';
  const m = /^([a-z_]+):(.+)$/.exec(t);
  if (m) {
    const [, kind, rest] = m;
    switch (kind) {
      case 'mentorship':
        return `mentorat n° ${rest}`;
      case 'user':
        return `compte n° ${rest}`;
      case 'department':
        return `département n° ${rest}`;
      case 'import':
        return `import de la feuille « ${rest} »`;
      case 'selection':
        return `sélection d’indicateurs ${rest}`;
    }
  }
  const route = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(t);
  if (route) return `${METHODS[route[1]!]} ${route[2]}`;
  if (t === 'calendrier_reporting') return 'calendrier de reporting';
  return t.replace(/_/g, ' ');
}

/** « ajoutés : 3 · mis à jour : 2 · inchangés : 0 ». */
export function describeDetails(e: AuditEntryView): string {
  if (!e.details || Object.keys(e.details).length === 0) return '—';
  return Object.entries(e.details)
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? k.replace(/_/g, ' ')} : ${value(k, v)}`)
    .join(' · ');
}
