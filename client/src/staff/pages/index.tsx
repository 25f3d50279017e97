import type { ReactNode } from 'react';
import type { Me } from '../api.ts';
import { MentorshipsPage } from './MentorshipsPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { MentorsPage } from './MentorsPage.tsx';
import { ListsPage } from './ListsPage.tsx';
import { ValueChainPage } from './ValueChainPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { EvolutionPage } from './EvolutionPage.tsx';
import { ResponseRatePage } from './ResponseRatePage.tsx';
import { ExportsPage } from './ExportsPage.tsx';
import { DeclarationPage } from './DeclarationPage.tsx';
import { ReportingPage } from './ReportingPage.tsx';
import { CotechPage } from './CotechPage.tsx';
import { IndicatorsPage } from './IndicatorsPage.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { AuditPage } from './AuditPage.tsx';

export interface StaffPage {
  path: string;
  title: string;
  roles: Me['role'][];
  render: (me: Me) => ReactNode;
}

/** The staff pages, per role; each feature adds its page here. */
export const PAGES: StaffPage[] = [
  { path: '/tableau-de-bord', title: 'Tableau de bord', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <DashboardPage me={me} /> },
  { path: '/mentorats', title: 'Mentorats', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <MentorshipsPage me={me} /> },
  { path: '/import', title: 'Import Excel', roles: ['responsable_association'], render: () => <ImportPage /> },
  { path: '/chaine-de-valeur', title: 'Chaîne de valeur', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ValueChainPage me={me} /> },
  { path: '/evolution', title: 'Évolution', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <EvolutionPage me={me} /> },
  { path: '/taux-de-reponse', title: 'Taux de réponse', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ResponseRatePage me={me} /> },
  { path: '/exports', title: 'Exports', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ExportsPage me={me} /> },
  { path: '/mentors', title: 'Mentors', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <MentorsPage me={me} /> },
  { path: '/declaration', title: 'Déclaration annuelle', roles: ['responsable_association'], render: (me) => <DeclarationPage me={me} /> },
  { path: '/declarations', title: 'Déclarations annuelles', roles: ['evaluateur', 'admin'], render: (me) => <DeclarationPage me={me} /> },
  { path: '/reporting', title: 'Reporting', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <ReportingPage me={me} /> },
  { path: '/cotech', title: 'Cotech', roles: ['evaluateur', 'admin'], render: () => <CotechPage /> },
  { path: '/indicateurs', title: 'Indicateurs et questionnaires', roles: ['evaluateur', 'admin'], render: () => <IndicatorsPage canEdit /> },
  { path: '/parametres/listes', title: 'Paramètres : listes et territoires', roles: ['admin'], render: () => <ListsPage /> },
  { path: '/comptes', title: 'Comptes', roles: ['admin'], render: (me) => <AccountsPage me={me} /> },
  { path: '/journal-audit', title: 'Journal d’audit', roles: ['admin'], render: () => <AuditPage /> },
];

export function pagesFor(role: Me['role']): StaffPage[] {
  const pages = PAGES.filter((p) => p.roles.includes(role));
  // Department staff land on their reports; associations on their steering table.
  return role === 'responsable_association' ? pages : [...pages].sort((a, b) => Number(a.path === '/mentorats') - Number(b.path === '/mentorats'));
}
