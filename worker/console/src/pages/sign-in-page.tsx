import { useState } from 'preact/hooks';
import { signIn, verifySecondFactor } from '../api';
import { Field } from '../components/field';
import { Link } from '../components/link';
import { ProblemMessage } from '../components/problem-message';
import { SsoSignInForm } from './sso-sign-in-form';

type Step = { kind: 'password' } | { kind: 'second-factor'; challenge: string };

const value = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement).value;

/** Email and password, then a TOTP (or recovery) code when the account asks for one. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [sso, setSso] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event, action: (form: HTMLFormElement) => Promise<void>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action(event.currentTarget as HTMLFormElement);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const passwordStep = (form: HTMLFormElement) =>
    signIn(value(form, 'email').trim(), value(form, 'password')).then((result) =>
      result.signedIn
        ? onSignedIn()
        : setStep({ kind: 'second-factor', challenge: result.challenge }),
    );

  const codeStep = (challenge: string) => (form: HTMLFormElement) =>
    verifySecondFactor(challenge, value(form, 'code').trim().toLowerCase()).then(onSignedIn);

  return (
    <main class="centered">
      <section class="card sign-in" aria-labelledby="sign-in-title">
        <p class="brand">Spendprint</p>
        <h1 id="sign-in-title">
          {step.kind === 'password' ? 'Sign in to the console' : 'Two-factor sign-in'}
        </h1>
        {step.kind === 'password' ? (
          <>
            <form onSubmit={(e) => void submit(e, passwordStep)} noValidate>
              <Field label="Email" name="email" type="email" autoComplete="username" required />
              <Field
                label="Password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
              <button type="submit" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
              <p class="below-form">
                <Link to="/forgot-password">Forgot your password?</Link>
              </p>
            </form>
            {sso ? (
              <SsoSignInForm />
            ) : (
              <button type="button" class="link-button" onClick={() => setSso(true)}>
                Use single sign-on instead
              </button>
            )}
          </>
        ) : (
          <form onSubmit={(e) => void submit(e, codeStep(step.challenge))}>
            <Field
              label="Authentication code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              hint="The 6-digit code from your authenticator app, or a recovery code (xxxxx-xxxxx)."
              required
              autoFocus
            />
            <button type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Verify'}
            </button>
            <button
              type="button"
              class="link-button"
              onClick={() => {
                setError(undefined);
                setStep({ kind: 'password' });
              }}
            >
              Start over
            </button>
          </form>
        )}
        <ProblemMessage error={error} />
      </section>
    </main>
  );
}
