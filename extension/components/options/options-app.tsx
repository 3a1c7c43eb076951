import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type AuthStatus } from '../../utils/messaging';
import { CurrencySetting } from './currency-setting';
import { SignInForm } from './sign-in-form';
import { SiteList } from './site-list';

export function OptionsApp() {
  const [status, setStatus] = useState<AuthStatus | undefined>();
  const refresh = () =>
    void sendMessage('auth-status', {}).then((answer) => {
      if (answer.ok) {
        const { ok: _ok, ...rest } = answer;
        setStatus(rest);
      }
    });
  useEffect(refresh, []);

  return (
    <main>
      <h1>Spendprint options</h1>
      {!status && <p>Loading…</p>}
      {status?.signedIn && (
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">Account</h2>
          <p role="status">
            Signed in as <strong>{status.email}</strong> on {status.serverUrl}.
          </p>
          <button type="button" onClick={() => void sendMessage('sign-out', {}).then(refresh)}>
            Sign out
          </button>
        </section>
      )}
      {status && !status.signedIn && <SignInForm status={status} onChange={refresh} />}
      <SiteList />
      <CurrencySetting />
    </main>
  );
}
