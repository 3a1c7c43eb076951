import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { QrCode } from '../components/qr-code';
import { useSession } from '../session';
import { EmailVerificationCard } from './email-verification-card';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'scan'; enrolment: Enrolment }
  | { kind: 'done'; recoveryCodes: string[] };

/** TOTP enrolment: QR code (and the secret for manual entry), confirm a code, recovery codes. */
export function SecurityPage() {
  const { me, refresh } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const start = () =>
    run(async () => {
      setStep({ kind: 'scan', enrolment: await api.post<Enrolment>('/auth/totp/enroll', {}) });
    });

  const confirm = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const code = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
    return run(async () => {
      const { recoveryCodes } = await api.post<{ recoveryCodes: string[] }>('/auth/totp/confirm', {
        code,
      });
      setStep({ kind: 'done', recoveryCodes });
    });
  };

  return (
    <section aria-labelledby="security-title">
      <h1 id="security-title">Two-factor sign-in</h1>
      {step.kind === 'done' ? (
        <RecoveryCodes
          codes={step.recoveryCodes}
          onDone={() => void refresh().then(() => setStep({ kind: 'idle' }))}
        />
      ) : step.kind === 'scan' ? (
        <div class="card enrol">
          <h2>1. Scan this code with your authenticator app</h2>
          <QrCode value={step.enrolment.otpauthUri} label="QR code for your authenticator app" />
          <p>
            Cannot scan? Enter this key by hand:{' '}
            <code class="secret" data-testid="totp-secret">
              {step.enrolment.secret}
            </code>
          </p>
          <h2>2. Enter the code it shows</h2>
          <form onSubmit={(e) => void confirm(e)}>
            <Field
              label="6-digit code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
            />
            <button type="submit" disabled={busy}>
              Turn on two-factor sign-in
            </button>
          </form>
        </div>
      ) : me.totpEnabled ? (
        <p class="status-ok" role="status">
          Two-factor sign-in is on for {me.email}.
        </p>
      ) : (
        <div class="card">
          <p>
            Protect your account with a second factor: a time-based code from an authenticator app
            (RFC 6238).
          </p>
          <button type="button" onClick={() => void start()} disabled={busy}>
            Set up two-factor sign-in
          </button>
        </div>
      )}
      <ProblemMessage error={error} />
      <h2>Email address</h2>
      <EmailVerificationCard />
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div class="card">
      <p class="status-ok" role="status">
        Two-factor sign-in is on.
      </p>
      <h2>Recovery codes</h2>
      <p>
        Each code signs you in once if you lose your authenticator. Keep them somewhere safe: they
        are shown only now.
      </p>
      <ul class="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}
