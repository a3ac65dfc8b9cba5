import { useCallback, useEffect, useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { ApiError, api } from './api/client';
import type { SessionInfo } from './api/types';
import { SearchBox } from './components/SearchBox';
import { CompanyPage } from './pages/CompanyPage';
import { DocumentPage } from './pages/DocumentPage';
import { EntityPage } from './pages/EntityPage';
import { EventsPage } from './pages/EventsPage';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: string }
  | ({ status: 'in' } & SessionInfo);

export function App() {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const check = useCallback(() => {
    api.session().then(
      (s) => setSession({ status: 'in', ...s }),
      (error: unknown) =>
        setSession(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out' }
            : { status: 'signed-out', error: error instanceof Error ? error.message : String(error) },
        ),
    );
  }, []);
  useEffect(check, [check]);

  if (session.status === 'loading') return <p className="page">Loading…</p>;
  if (session.status === 'signed-out') return <SignInPage error={session.error} onSignedIn={check} />;

  const signOut = () => void api.signOut().then(check);
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          finkg
        </Link>
        <nav>
          <Link href="/">Documents</Link>
          <Link href="/events">Events</Link>
          {session.role === 'admin' && <a href="/admin">Queues</a>}
          <a href="/docs">API</a>
        </nav>
        <SearchBox />
        <span className="who">
          {session.role}
          {session.authentication && (
            <button type="button" className="link" onClick={signOut}>
              sign out
            </button>
          )}
        </span>
      </header>
      <main className="page">
        <Switch>
          <Route path="/">
            <HomePage canSubmit={session.role !== 'read'} canCancel={session.role === 'admin'} />
          </Route>
          <Route path="/events">
            <EventsPage />
          </Route>
          <Route path="/documents/:id">{(params) => <DocumentPage id={params.id} />}</Route>
          <Route path="/companies/:key">{(params) => <CompanyPage companyKey={params.key} />}</Route>
          <Route path="/people/:key">
            {(params) => <EntityPage label="Person" entityKey={params.key} />}
          </Route>
          <Route path="/organizations/:key">
            {(params) => <EntityPage label="Organization" entityKey={params.key} />}
          </Route>
          <Route>
            <p>No such page.</p>
          </Route>
        </Switch>
      </main>
    </>
  );
}
