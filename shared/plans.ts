/** Plans and the features each one unlocks, decided here and nowhere else. */
export const PLANS = ['free', 'professional', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const PLAN_FEATURES = {
  sso: 'enterprise',
  'customer-keys': 'enterprise',
  'erp-connectors': 'professional',
} as const satisfies Record<string, Plan>;
export type PlanFeature = keyof typeof PLAN_FEATURES;

export function planIncludes(plan: Plan, feature: PlanFeature): boolean {
  return PLANS.indexOf(plan) >= PLANS.indexOf(PLAN_FEATURES[feature]);
}
