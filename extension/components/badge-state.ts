import type { EstimatedResult } from '../utils/api/estimate-schema';

export type LowerEmissionHint =
  | { kind: 'lowest'; groupSize: number }
  | { kind: 'alternative'; description: string; intensity: number; ownIntensity: number };

export type BadgeState =
  | { kind: 'estimated'; result: EstimatedResult; medianFactor: number; hint?: LowerEmissionHint }
  | { kind: 'unable'; reason: string; naics?: string }
  | { kind: 'unavailable'; message: string; signedOut: boolean };
