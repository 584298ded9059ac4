// The shell: who is signed in, the header, and the page the path names.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, setCsrf } from './api.js';
import { ErrorBox, Loading } from './components/ui.js';
import { DraftEditor } from './pages/drafts.js';
import { InvitePage } from './pages/invite.js';
import { LoginPage } from './pages/login.js';
import { RoomPage } from './pages/room.js';
import { RoomsPage } from './pages/rooms.js';
import { matchRoute, navigate, usePath } from './router.js';

export interface Me {
  email: string;
  csrf: string;
}

export function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>();

  const check = useCallback(() => {
    api<Me>('GET', '/api/session').then(
      (m) => {
        setCsrf(m.csrf);
        setMe(m);
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setError(e);
      },
    );
  }, []);
  useEffect(check, []);

  const route = matchRoute(path);
  useEffect(() => {
    if (me === null && route.page !== 'login') navigate(`/login?next=${encodeURIComponent(path)}`);
  }, [me, route.page, path]);

  const signOut = async () => {
    await api('DELETE', '/api/session').catch(() => {});
    setCsrf(undefined);
    setMe(null);
    navigate('/login');
  };

  let page: React.ReactNode;
  if (error) page = <ErrorBox error={error} title="The server did not answer" />;
  else if (route.page === 'login')
    page = (
      <LoginPage
        onIn={(m) => {
          setCsrf(m.csrf);
          setMe(m);
          const next = new URLSearchParams(location.search).get('next');
          navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
        }}
      />
    );
  else if (me === undefined || me === null) page = <Loading what="your session" />;
  else if (route.page === 'rooms') page = <RoomsPage />;
  else if (route.page === 'room') page = <RoomPage room={route.room} />;
  else if (route.page === 'drafts') page = <DraftEditor room={route.room} />;
  else if (route.page === 'invite') page = <InvitePage token={route.token} />;
  else
    page = (
      <div className="card">
        <h1>Page not found</h1>
        <p>
          Nothing at <code>{route.path}</code>. <a href="/">Your rooms</a>.
        </p>
      </div>
    );

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a
          href="/"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Concord workbench
        </a>
        {me && (
          <nav aria-label="Account">
            <span className="muted small">{me.email}</span>{' '}
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main">{page}</main>
    </>
  );
}
