import { useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { client, type Me } from './api.ts';
import { navigate, usePath } from './router.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { SetPasswordPage } from './auth/SetPasswordPage.tsx';
import { PAGE_GROUPS, PAGES, pagesFor, type StaffPage } from './pages.tsx';

export function App() {
  const [me, setSession] = useState<Me | null | undefined>(undefined);
  const path = usePath();
  const queryClient = useQueryClient();
  // Another account is another tenant: nothing cached for the previous one may show.
  const setMe = (next: Me | null) => {
    queryClient.clear();
    setSession(next);
  };

  useEffect(() => {
    client.GET('/api/session').then(({ data }) => setSession(data ?? null), () => setSession(null));
  }, []);

  // The one-time password link works whoever is (or is not) logged in on this browser.
  if (path === '/mot-de-passe') return <SetPasswordPage onDone={() => (setMe(null), navigate('/'))} />;
  if (me === undefined) return <p role="status">Chargement…</p>;
  if (me === null) return <LoginPage onLoggedIn={setMe} />;

  const pages = pagesFor(me.role);
  // A page of another role (a bookmark, a link from a colleague) says why it cannot open instead of showing another.
  const reserved = pages.some((p) => p.path === path) ? undefined : PAGES.find((p) => p.path === path);
  const current = reserved ?? pages.find((p) => p.path === path) ?? pages[0]!;
  return (
    <Layout me={me} pages={pages} current={current} onLogout={() => client.DELETE('/api/session').finally(() => setMe(null))}>
      {reserved ? <ReservedPage page={reserved} me={me} home={pages[0]!} /> : current.render(me)}
    </Layout>
  );
}

/** Why some pages are not open to a role, in the words of the person who asks. */
const RESERVED_REASONS: Record<string, string> = {
  '/cotech':
    'L’ordre du jour du Cotech est préparé par le département à partir des reportings des associations. Pour y figurer, confirmez votre reporting dans la page « Reporting » : les difficultés et les présentations prévues que vous y indiquez sont reprises dans l’ordre du jour.',
};

function ReservedPage({ page, me, home }: { page: StaffPage; me: Me; home: StaffPage }) {
  const who = page.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ');
  return (
    <div className="panel" role="status">
      <p>
        <strong>
          Cette page est réservée ({who}) : votre compte ({ROLE_LABELS[me.role].toLowerCase()}
          {me.association ? `, ${me.association.name}` : ''}) n’y a pas accès.
        </strong>
      </p>
      {RESERVED_REASONS[page.path] && <p>{RESERVED_REASONS[page.path]}</p>}
      <p>
        <a
          href={home.path}
          onClick={(e) => {
            e.preventDefault();
            navigate(home.path);
          }}
        >
          Aller à la page « {home.title} »
        </a>
      </p>
    </div>
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

function Layout({
  me,
  pages,
  current,
  onLogout,
  children,
}: {
  me: Me;
  pages: StaffPage[];
  current: StaffPage;
  onLogout: () => void;
  children: ReactNode;
}) {
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
