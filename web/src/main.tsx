import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter-preact';
import { ProjectsPage } from './pages/ProjectsPage';
import { AnnotateRoute } from './pages/AnnotateRoute';
import { FORMER_TABS, SetupPage, isSetupTab } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { UsersPage } from './pages/UsersPage';
import { AccountBar } from './components/AccountBar';
import { sessionApi } from './api';
import { onSignedOut, setSession, type SessionUser } from './session';

/** The signed-in user (undefined while the session loads, null when signed out): the annotator of this browser's labels. */
function useSession(): [SessionUser | null | undefined, (user: SessionUser | null) => void] {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const update = (next: SessionUser | null) => {
    setSession(next);
    setUser(next);
  };
  useEffect(() => {
    sessionApi.session().then(update, () => update(null));
    return onSignedOut(() => setUser(null));
  }, []);
  return [user, update];
}

function App() {
  const [user, setUser] = useSession();
  const [location, navigate] = useLocation();
  if (user === undefined) return null;
  if (user === null)
    return (
      <SignInPage
        onSignedIn={(u) => {
          setUser(u);
          if (location === '/sign-in') navigate('/');
        }}
      />
    );
  const name = user.name;
  return (
    <>
      <header class="topbar">
        <Link href="/" class="brand">
          Labelforge
        </Link>
        {user.role === 'admin' && (
          <nav class="admin-nav" aria-label="Administration">
            <Link href="/users">Users</Link>
            <Link href="/audit-log">Audit log</Link>
          </nav>
        )}
        <AccountBar user={user} onChange={setUser} />
      </header>
      <main>
        <Switch>
          <Route path="/audit-log">{user.role === 'admin' ? <AuditLogPage /> : <ProjectsPage />}</Route>
          <Route path="/users">{user.role === 'admin' ? <UsersPage me={name} /> : <ProjectsPage />}</Route>
          <Route path={/^\/projects\/(?<id>\d+)\/annotate\/?$/}>{({ id }) => <AnnotateRoute projectId={Number(id)} annotator={name} />}</Route>
          <Route path={/^\/projects\/(?<id>\d+)(?:\/(?<tab>[\w-]+))?\/?$/}>
            {({ id, tab = 'progress' }) =>
              isSetupTab(tab) ? (
                <SetupPage projectId={Number(id)} tab={tab} />
              ) : tab in FORMER_TABS ? (
                <Redirect to={`/projects/${id}/${FORMER_TABS[tab]}`} replace />
              ) : (
                <ProjectsPage />
              )
            }
          </Route>
          <Route>
            <ProjectsPage />
          </Route>
        </Switch>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
