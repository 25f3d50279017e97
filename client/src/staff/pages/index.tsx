import type { ReactNode } from 'react';
import type { Me } from '../api.ts';
import { MentorshipsPage } from './MentorshipsPage.tsx';
import { ValueChainPage } from './ValueChainPage.tsx';

export interface StaffPage {
  path: string;
  title: string;
  roles: Me['role'][];
  render: (me: Me) => ReactNode;
}

/** The staff pages, per role; each feature adds its page here. */
export const PAGES: StaffPage[] = [
  { path: '/mentorats', title: 'Mentorats', roles: ['responsable_association', 'evaluateur', 'admin'], render: (me) => <MentorshipsPage me={me} /> },
  { path: '/chaine-de-valeur', title: 'Chaîne de valeur', roles: ['evaluateur', 'admin', 'responsable_association'], render: () => <ValueChainPage /> },
];

export function pagesFor(role: Me['role']): StaffPage[] {
  const pages = PAGES.filter((p) => p.roles.includes(role));
  // Department staff land on their reports; associations on their steering table.
  return role === 'responsable_association' ? pages : [...pages].sort((a, b) => Number(a.path === '/mentorats') - Number(b.path === '/mentorats'));
}
