import { api, ApiError } from '../api';
import type { SsoConnection } from '../api-types';
import { isPlanRequired, PlanNotice } from '../components/plan-notice';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { SsoConnectionForm } from './sso-connection-form';
import { SsoDomainsPanel } from './sso-domains-panel';

/** OIDC single sign-on (enterprise plan): the provider, and the email domains it serves. */
export function SsoPage() {
  const connection = useApi(() =>
    api.get<SsoConnection>('/sso').catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  return (
    <section aria-labelledby="sso-title">
      <h1 id="sso-title">Single sign-on</h1>
      <ProgressNote label={connection.loading ? 'Loading…' : undefined} />
      {isPlanRequired(connection.error) ? (
        <PlanNotice
          error={connection.error as ApiError}
          feature="Single sign-on lets your people sign in with their company account through your identity provider (OIDC)."
        />
      ) : (
        <>
          <ProblemMessage error={connection.error} />
          {connection.data !== undefined && (
            <>
              {/* Remounted on each save: fresh fields, and the write-only secret never lingers. */}
              <SsoConnectionForm
                key={connection.data?.updatedAt ?? 'none'}
                connection={connection.data}
                onSaved={connection.reload}
              />
              <SsoDomainsPanel />
            </>
          )}
        </>
      )}
    </section>
  );
}
