import { useState } from 'preact/hooks';
import { useSession } from '../session';

export interface AccessFilter {
  from: string;
  to: string;
  route: string;
  status: string;
  method: string;
}

export const NO_ACCESS_FILTER: AccessFilter = {
  from: '',
  to: '',
  route: '',
  status: '',
  method: '',
};

/** Routes as the access log records them: "/api/v1/rules/:id/history". */
function loggedRoutes(paths: Iterable<string>): string[] {
  return [...paths].map((path) => `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`).sort();
}

export function AccessLogFilters({ onApply }: { onApply: (filter: AccessFilter) => void }) {
  const { operations } = useSession();
  const [draft, setDraft] = useState(NO_ACCESS_FILTER);
  const bind = (name: keyof AccessFilter) => ({
    id: `access-${name}`,
    name,
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <form
      class="filters card"
      aria-label="Filter the access log"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, route: draft.route.trim(), status: draft.status.trim() });
      }}
    >
      <div class="field">
        <label for="access-from">From (day)</label>
        <input type="date" {...bind('from')} />
      </div>
      <div class="field">
        <label for="access-to">To (day, included)</label>
        <input type="date" {...bind('to')} />
      </div>
      <div class="field">
        <label for="access-route">Route starts with</label>
        <input list="access-routes" placeholder="/api/v1/rules" {...bind('route')} />
        <datalist id="access-routes">
          {loggedRoutes(operations.keys()).map((route) => (
            <option key={route} value={route} />
          ))}
        </datalist>
      </div>
      <div class="field">
        <label for="access-status">Status</label>
        <input
          placeholder="e.g. 403 or 4xx"
          pattern="[1-5](\d\d|xx)"
          size={8}
          {...bind('status')}
        />
      </div>
      <div class="field">
        <label for="access-method">Method</label>
        <select {...bind('method')}>
          <option value="">Any</option>
          {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Apply filters</button>
    </form>
  );
}
