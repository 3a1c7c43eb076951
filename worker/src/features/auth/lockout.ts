/** 5 failed sign-ins on an email lock it for 15 minutes, whether or not an account exists. */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;

export interface AttemptState {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

export function lockedForMs(state: AttemptState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: AttemptState | undefined, now: Date): AttemptState {
  const lockExpired = state?.lockedUntil && state.lockedUntil <= now;
  const previous = !state || lockExpired ? 0 : state.failures;
  const failures = previous + 1;
  return {
    failures,
    firstFailureAt: previous === 0 ? now : state!.firstFailureAt,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
  };
}
