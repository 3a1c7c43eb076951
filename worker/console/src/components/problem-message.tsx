import { ApiError } from '../api';

/** Shows a problem+json error: its title and detail (and request id), never a stack trace. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const problem =
    error instanceof ApiError
      ? error.problem
      : { title: 'Something went wrong', detail: undefined, requestId: undefined, errors: [] };
  return (
    <div class="problem" role="alert">
      <strong class="problem-title">{problem.title}</strong>
      {problem.detail && <p class="problem-detail">{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul class="problem-fields">
          {problem.errors.map((e) => (
            <li key={e.path}>
              {e.path ? `${e.path}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.requestId && <p class="problem-id">Request id: {problem.requestId}</p>}
    </div>
  );
}
