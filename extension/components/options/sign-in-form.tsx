import { useState } from 'preact/hooks';
import { sendMessage, type AuthStatus } from '../../utils/messaging';
import { setServerUrl } from '../../utils/storage/settings';

interface Props {
  status: AuthStatus;
  onChange(): void;
}

/**
 * Server URL, Email, Password, Authentication code and "Sign in" (stable accessible names for
 * customers' test and RPA tools). One click signs in; if the account has a second factor and a
 * code is already filled in, it is verified in the same click. "Continue with single sign-on"
 * needs only the email (its name avoids the words "Sign in", so that name stays unique).
 */
export function SignInForm({ status, onChange }: Props) {
  const [server, setServer] = useState(status.serverUrl ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const [busy, setBusy] = useState(false);
  const needsCode = status.pendingSecondFactor;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      if (!status.serverManaged) await setServerUrl(server);
      if (!needsCode) {
        const login = await sendMessage('sign-in', { email, password });
        if (!login.ok) return setMessage({ text: login.message, error: true });
        if (login.status === 'signed-in') return onChange();
        if (!code.trim()) {
          setMessage({ text: 'Enter the authentication code from your authenticator app, then select Sign in.', error: false });
          return onChange();
        }
      }
      const verified = await sendMessage('verify-2fa', { code: code.trim() });
      if (!verified.ok) return setMessage({ text: verified.message, error: true });
      onChange();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : 'Could not sign in.', error: true });
    } finally {
      setBusy(false);
    }
  };

  /** Single sign-on: the identity provider's page opens in a browser window (identity.launchWebAuthFlow). */
  const signInWithSso = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (!email.trim()) return setMessage({ text: 'Enter your work email, then continue with single sign-on.', error: true });
      if (!status.serverManaged) await setServerUrl(server);
      const answer = await sendMessage('sign-in-sso', { email: email.trim() });
      if (!answer.ok) return setMessage({ text: answer.message, error: true });
      onChange();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : 'Could not sign in.', error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <label>
        Server URL
        <input
          type="url"
          name="server"
          required
          value={server}
          readOnly={status.serverManaged}
          aria-describedby={status.serverManaged ? 'server-managed' : undefined}
          placeholder="https://spendprint.example.com"
          onInput={(e) => setServer(e.currentTarget.value)}
        />
      </label>
      {status.serverManaged && <p id="server-managed">Set by your organisation.</p>}
      <label>
        Email
        <input type="email" name="email" autoComplete="username" required={!needsCode} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required={!needsCode} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <label>
        Authentication code
        <input
          type="text"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6,8}"
          required={needsCode}
          aria-describedby="code-help"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <p id="code-help">{needsCode ? 'Your account uses a second factor: enter the 6-digit code.' : 'Only if your account uses a second factor.'}</p>
      <button type="submit" disabled={busy}>
        Sign in
      </button>{' '}
      <button type="button" class="secondary" disabled={busy || needsCode} onClick={() => void signInWithSso()} aria-describedby="sso-help">
        Continue with single sign-on
      </button>
      <p id="sso-help">Single sign-on uses your organisation's identity provider; only the email is needed.</p>
      <p role="status" class={message?.error ? 'error' : ''}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
