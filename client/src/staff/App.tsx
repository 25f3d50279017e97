import { useEffect, useState, type ReactNode } from 'react';
import { api, type Me } from './api.ts';
import { navigate, usePath } from './router.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { PAGE_GROUPS, pagesFor, type StaffPage } from './pages/index.tsx';

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = usePath();

  useEffect(() => {
    api<Me>('/session').then(setMe, () => setMe(null));
  }, []);

  if (me === undefined) return <p role="status">Chargement…</p>;
  if (me === null) return <LoginPage onLoggedIn={setMe} />;

  const pages = pagesFor(me.role);
  const current = pages.find((p) => p.path === path) ?? pages[0]!;
  return (
    <Layout me={me} pages={pages} current={current} onLogout={() => api('/session', { method: 'DELETE' }).finally(() => setMe(null))}>
      {current.render(me)}
    </Layout>
  );
}

function useTitle(page: StaffPage) {
  useEffect(() => {
    document.title = `${page.title} — Impact Mentorat`;
  }, [page]);
}

const ROLE_LABELS: Record<Me['role'], string> = {
  admin: 'Administration du département',
  evaluateur: 'Chargé·e de mission mentorat',
  responsable_association: 'Responsable reporting',
};

function Layout({ me, pages, current, onLogout, children }: { me: Me; pages: StaffPage[]; current: StaffPage; onLogout: () => void; children: ReactNode }) {
  useTitle(current);
  return (
    <>
      <a className="skip" href="#contenu">
        Aller au contenu
      </a>
      <header className="topbar">
        <div className="brand">
          <strong>Impact Mentorat</strong>
          <span>{me.department.name}</span>
        </div>
        <div className="who">
          <span>
            {me.association ? me.association.name : ROLE_LABELS[me.role]} · {me.email}
          </span>
          <button type="button" className="link" onClick={onLogout}>
            Se déconnecter
          </button>
        </div>
      </header>
      <nav className="mainnav" aria-label="Navigation principale">
        {PAGE_GROUPS.filter((group) => pages.some((p) => p.group === group)).map((group) => (
          <div key={group} className="navgroup">
            <span className="navgroup-title" id={`nav-${group}`}>
              {group}
            </span>
            <ul aria-labelledby={`nav-${group}`}>
              {pages
                .filter((p) => p.group === group)
                .map((p) => (
                  <li key={p.path}>
                    <a
                      href={p.path}
                      aria-current={p === current ? 'page' : undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(p.path);
                      }}
                    >
                      {p.title}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="contenu" tabIndex={-1}>
        <h1>{current.title}</h1>
        {children}
      </main>
    </>
  );
}
