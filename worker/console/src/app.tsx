import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  currentUser,
  loadOperations,
  setUnauthenticatedHandler,
  signOut as apiSignOut,
  type Me,
  type Operations,
} from './api';
import { Layout } from './components/layout';
import { ProblemMessage } from './components/problem-message';
import { PageRoutes } from './pages/page-routes';
import { PUBLIC_PAGES } from './pages/public-routes';
import { SignInPage } from './pages/sign-in-page';
import { navigate, useRoute } from './router';
import { SessionContext, type Session } from './session';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'signed-in'; me: Me; operations: Operations };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const me = await currentUser();
      if (!me) return setState({ kind: 'signed-out' });
      setState({ kind: 'signed-in', me, operations: await loadOperations() });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ kind: 'signed-out' }));
    void load();
  }, [load]);

  // Emailed links and "forgot password" work with or without a session.
  const PublicPage = PUBLIC_PAGES[route];
  if (PublicPage) {
    return (
      <PublicPage
        onDone={() => {
          navigate('/');
          void load();
        }}
      />
    );
  }
  if (state.kind === 'loading') {
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <main class="centered">
        <ProblemMessage error={state.error} />
      </main>
    );
  }
  if (state.kind === 'signed-out') return <SignInPage onSignedIn={load} />;

  const session: Session = {
    me: state.me,
    operations: state.operations,
    refresh: load,
    signOut: async () => {
      await apiSignOut().catch(() => undefined);
      setState({ kind: 'signed-out' });
      navigate('/');
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <Layout>
        <PageRoutes />
      </Layout>
    </SessionContext.Provider>
  );
}
