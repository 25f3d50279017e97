import type { ReactNode } from 'react';
import type { Me } from './api.ts';
import { MentorshipsPage } from './mentorships/MentorshipsPage.tsx';
import { ImportPage } from './imports/ImportPage.tsx';
import { MentorsPage } from './mentors/MentorsPage.tsx';
import { ListsPage } from './settings/ListsPage.tsx';
import { ValueChainPage } from './reports/ValueChainPage.tsx';
import { DashboardPage } from './reports/DashboardPage.tsx';
import { EvolutionPage } from './reports/EvolutionPage.tsx';
import { ResponseRatePage } from './reports/ResponseRatePage.tsx';
import { ExportsPage } from './reports/ExportsPage.tsx';
import { DeclarationPage } from './declarations/DeclarationPage.tsx';
import { ReportingPage } from './reporting/ReportingPage.tsx';
import { CotechPage } from './cotech/CotechPage.tsx';
import { IndicatorsPage } from './indicators/IndicatorsPage.tsx';
import { AccountsPage } from './users/AccountsPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';

export const PAGE_GROUPS = ['Suivi', 'Rapports', 'Administration'] as const;

export interface StaffPage {
  path: string;
  title: string;
  group: (typeof PAGE_GROUPS)[number];
  roles: Me['role'][];
  render: (me: Me) => ReactNode;
}

/** The staff pages, per role; each feature adds its page here. */
export const PAGES: StaffPage[] = [
  { path: '/tableau-de-bord', group: 'Suivi', title: 'Tableau de bord', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <DashboardPage me={me} /> },
  { path: '/mentorats', group: 'Suivi', title: 'Mentorats', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <MentorshipsPage me={me} /> },
  { path: '/import', group: 'Suivi', title: 'Import Excel', roles: ['responsable_association'], render: () => <ImportPage /> },
  { path: '/mentors', group: 'Suivi', title: 'Mentors', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <MentorsPage me={me} /> },
  { path: '/declaration', group: 'Suivi', title: 'Déclaration annuelle', roles: ['responsable_association'], render: (me) => <DeclarationPage me={me} /> },
  { path: '/declarations', group: 'Suivi', title: 'Déclarations annuelles', roles: ['evaluateur', 'admin'], render: (me) => <DeclarationPage me={me} /> },
  { path: '/reporting', group: 'Suivi', title: 'Reporting', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <ReportingPage me={me} /> },
  { path: '/cotech', group: 'Suivi', title: 'Cotech', roles: ['evaluateur', 'admin'], render: () => <CotechPage /> },
  { path: '/chaine-de-valeur', group: 'Rapports', title: 'Chaîne de valeur', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ValueChainPage me={me} /> },
  { path: '/evolution', group: 'Rapports', title: 'Évolution', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <EvolutionPage me={me} /> },
  { path: '/taux-de-reponse', group: 'Rapports', title: 'Taux de réponse', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ResponseRatePage me={me} /> },
  { path: '/exports', group: 'Rapports', title: 'Exports', roles: ['evaluateur', 'admin', 'responsable_association'], render: (me) => <ExportsPage me={me} /> },
  { path: '/indicateurs', group: 'Administration', title: 'Indicateurs et questionnaires', roles: ['evaluateur', 'admin'], render: () => <IndicatorsPage canEdit /> },
  { path: '/parametres/listes', group: 'Administration', title: 'Paramètres : listes et territoires', roles: ['admin'], render: () => <ListsPage /> },
  { path: '/comptes', group: 'Administration', title: 'Comptes', roles: ['admin'], render: (me) => <AccountsPage me={me} /> },
  { path: '/journal-audit', group: 'Administration', title: 'Journal d’audit', roles: ['admin'], render: () => <AuditPage /> },
];

export function pagesFor(role: Me['role']): StaffPage[] {
  // Everyone lands on the dashboard; pages keep the order of the seed's workflow within their group.
  return PAGES.filter((p) => p.roles.includes(role));
}
