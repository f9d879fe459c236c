import { lazy, Suspense, useEffect, useRef } from 'react';
import { useFocusHeadingOnNavigate } from './a11y/useFocusHeadingOnNavigate';
import { Header } from './components/Header';
import { ErrorState, Loading } from './components/Status';
import { AccountPage } from './pages/AccountPage';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordResetPages';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { JoinPage } from './pages/JoinPage';
import { LoginPage, SignupPage } from './pages/AuthPages';
import { NotFoundPage } from './pages/NotFoundPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { RegisterPage } from './registers/RegisterPage';
import { OpenThreadsPage } from './comments/OpenThreadsPage';
import { navigate, useLocation } from './router';
import { authPath, matchRoute, publicRoutes, safeNext, type Route } from './routes';
import { useSession } from './session';

// The editor (Tiptap, Yjs) is most of the code; load it only for document pages.
const DocumentPage = lazy(() => import('./pages/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const VersionPage = lazy(() => import('./pages/VersionPage').then((m) => ({ default: m.VersionPage })));
const VersionDiffPage = lazy(() => import('./pages/VersionDiffPage').then((m) => ({ default: m.VersionDiffPage })));
const SessionPage = lazy(() => import('./pages/SessionPage').then((m) => ({ default: m.SessionPage })));
const ContributionsPage = lazy(() => import('./pages/ContributionsPage').then((m) => ({ default: m.ContributionsPage })));

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'login':
      return <LoginPage />;
    case 'signup':
      return <SignupPage />;
    case 'home':
      return <HomePage />;
    case 'workspace':
      return <WorkspacePage key={route.id} id={route.id} />;
    case 'register':
      return <RegisterPage key={`${route.id}/${route.register}`} workspaceId={route.id} register={route.register} />;
    case 'threads':
      return <OpenThreadsPage key={route.id} workspaceId={route.id} />;
    case 'document':
      return (
        <Suspense fallback={<Loading />}>
          <DocumentPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'version':
      return (
        <Suspense fallback={<Loading />}>
          <VersionPage key={`${route.id}/${route.versionId}`} id={route.id} versionId={route.versionId} />
        </Suspense>
      );
    case 'versionDiff':
      return (
        <Suspense fallback={<Loading />}>
          <VersionDiffPage key={`${route.id}/${route.versionId}`} id={route.id} versionId={route.versionId} against={route.against} />
        </Suspense>
      );
    case 'session':
      return (
        <Suspense fallback={<Loading />}>
          <SessionPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'contributions':
      return (
        <Suspense fallback={<Loading />}>
          <ContributionsPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'invite':
      return <InvitePage key={route.token} token={route.token} />;
    case 'join':
      return <JoinPage key={route.code} code={route.code} />;
    case 'account':
      return <AccountPage />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage key={route.token} token={route.token} />;
    case 'verifyEmail':
      return <VerifyEmailPage key={route.token} token={route.token} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

/** Decides what the current address shows, and sends signed-out people to the sign-in page. */
function Routes() {
  const location = useLocation();
  const { state, retry } = useSession();
  const route = matchRoute(location.pathname);
  const needsUser = !publicRoutes.has(route.name);
  const signedOut = state.status === 'ready' && !state.user;
  const signedIn = state.status === 'ready' && !!state.user;
  const isAuthPage = route.name === 'login' || route.name === 'signup';

  useEffect(() => {
    if (needsUser && signedOut) navigate(authPath('login', location.href), { replace: true });
    if (isAuthPage && signedIn) navigate(safeNext(location.search.get('next')), { replace: true });
  }, [needsUser, signedOut, signedIn, isAuthPage, location.href, location.search]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={null} onRetry={retry} />;
  if ((needsUser && signedOut) || (isAuthPage && signedIn)) return <Loading />;
  return <Page route={route} />;
}

export function App() {
  const { href } = useLocation();
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(href, main);
  return (
    <>
      <Header />
      <main id="main" className="site-main" tabIndex={-1} ref={main}>
        <Routes />
      </main>
    </>
  );
}
