import { api } from '../api';
import type { SsoDomain, SsoDomainList } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';

/** Email domains routed to the provider, each proven by a DNS TXT record. */
export function SsoDomainsPanel() {
  const domains = useApi(() => api.get<SsoDomainList>('/sso/domains'));
  const action = useAction();

  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const domain = String(new FormData(form).get('domain') ?? '').trim();
    const added = await action.run('Adding the domain…', () =>
      api.post('/sso/domains', { domain }),
    );
    if (added) form.reset();
    domains.reload();
  }

  async function verify(domain: SsoDomain) {
    await action.run(`Checking the TXT record of ${domain.domain}…`, () =>
      api.post(`/sso/domains/${encodeURIComponent(domain.id)}/verify`, {}),
    );
    domains.reload();
  }

  async function remove(domain: SsoDomain) {
    await action.run(`Removing ${domain.domain}…`, () =>
      api.delete(`/sso/domains/${encodeURIComponent(domain.id)}`),
    );
    domains.reload();
  }

  return (
    <section class="card" aria-labelledby="sso-domains-title">
      <h2 id="sso-domains-title">Email domains</h2>
      <p class="muted">
        Only verified domains route people to your provider. Publish the TXT record, then verify.
      </p>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error ?? domains.error} />
      {domains.data && domains.data.domains.length > 0 && (
        <DataTable caption="Email domains" columns={['Domain', 'Status', 'TXT record', 'Actions']}>
          {domains.data.domains.map((domain) => (
            <tr key={domain.id}>
              <td>{domain.domain}</td>
              <td>
                {domain.verifiedAt ? (
                  <span class="tag ok">verified {formatDateTime(domain.verifiedAt)}</span>
                ) : (
                  <span class="tag warn">not verified</span>
                )}
              </td>
              <td>
                <code class="wrap">{domain.verification.recordName}</code>
                <br />
                <code class="wrap">{domain.verification.recordValue}</code>
              </td>
              <td class="actions">
                {!domain.verifiedAt && (
                  <button
                    type="button"
                    disabled={!!action.busy}
                    onClick={() => void verify(domain)}
                  >
                    Verify
                  </button>
                )}
                <ConfirmButton
                  label="Remove"
                  confirmLabel={`Yes, remove ${domain.domain}`}
                  warning="People with this domain stop being routed to single sign-on."
                  danger
                  onConfirm={() => remove(domain)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form class="inline-form" onSubmit={(e) => void add(e)}>
        <Field label="Domain" name="domain" required placeholder="example.com" />
        <button type="submit" disabled={!!action.busy}>
          Add domain
        </button>
      </form>
    </section>
  );
}
