import { api, ApiError } from '../api';
import type { Mailbox } from '../api-types';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';

/** Links in a message body that point at this console, opened here rather than copied. */
function consoleLinks(body: string): string[] {
  return [...body.matchAll(/https?:\/\/\S+/g)]
    .map((match) => match[0])
    .filter((link) => URL.canParse(link) && new URL(link).origin === window.location.origin);
}

/** Local mode only: the email this tenant would have sent (invitations, password resets). */
export function MailboxPage() {
  const mailbox = useApi(() =>
    api.get<Mailbox>('/dev/mailbox').catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">Dev mailbox</h1>
      <div class="toolbar">
        <button type="button" class="secondary" onClick={mailbox.reload}>
          Refresh
        </button>
      </div>
      <ProgressNote label={mailbox.loading ? 'Loading…' : undefined} />
      <ProblemMessage error={mailbox.error} />
      {mailbox.data === null && (
        <p class="card">The dev mailbox exists only when the Worker runs locally.</p>
      )}
      {mailbox.data && mailbox.data.messages.length === 0 && <p>No email sent yet.</p>}
      {mailbox.data?.messages.map((message) => (
        <article
          class="card mail"
          key={message.id}
          aria-label={`${message.subject} to ${message.to}`}
        >
          <header>
            <h2>{message.subject}</h2>
            <p class="muted">
              To {message.to} · {message.kind} · {formatDateTime(message.createdAt)}
            </p>
          </header>
          <pre class="mail-body">{message.body}</pre>
          {consoleLinks(message.body).map((link) => (
            <a key={link} class="button secondary" href={link}>
              Open the link
            </a>
          ))}
        </article>
      ))}
    </section>
  );
}
