import { ssoStartUrl } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

/** "Sign in with single sign-on": the Worker sends the browser to the tenant's identity provider. */
export function SsoSignInForm() {
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '');
    const url = await action.run('Finding your identity provider…', () => ssoStartUrl(email));
    if (url) window.location.assign(url);
  }
  return (
    <form aria-label="Single sign-on" onSubmit={(e) => void submit(e)}>
      <Field
        id="sso-email"
        label="Work email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
      />
      <button type="submit" class="secondary" disabled={!!action.busy}>
        Continue with single sign-on
      </button>
      <ProblemMessage error={action.error} />
    </form>
  );
}
