import { ApiError } from '../api';

/** True when the API refused because the tenant's plan lacks the feature (403 plan-required). */
export function isPlanRequired(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.type ?? '').endsWith('/plan-required');
}

/** The plan-required problem as a notice instead of an error: what it needs, and why. */
export function PlanNotice({ error, feature }: { error: ApiError; feature: string }) {
  return (
    <div class="plan-notice" role="status">
      <strong>{error.problem.title}</strong>
      {error.problem.detail && <p>{error.problem.detail}</p>}
      <p class="muted">{feature}</p>
    </div>
  );
}
